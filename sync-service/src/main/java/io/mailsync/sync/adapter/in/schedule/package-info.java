/** Periodic work: pruning the change log past its retention. */
package io.mailsync.sync.adapter.in.schedule;
