/** Periodic work: pruning the change log past its retention, retrying queued write-backs, purging deleted mail. */
package io.mailsync.sync.adapter.in.schedule;
