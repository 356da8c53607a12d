/** Timers that drive use cases: the reconciliation scan and the outbox retry. */
package io.mailsync.quota.adapter.in.schedule;
