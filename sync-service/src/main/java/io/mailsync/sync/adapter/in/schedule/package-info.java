/** Periodic work: pruning the change log past its retention, retrying queued write-backs. */
package io.mailsync.sync.adapter.in.schedule;
