/**
 * P3, IDLE capacity: a minimal non-blocking IMAP server that holds many idle sessions cheaply (one selector thread),
 * run in processes of its own, and the harness that points one fetcher JVM at N of its mailboxes.
 */
package io.mailsync.benchmarks.idle;
