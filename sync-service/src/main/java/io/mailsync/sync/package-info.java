/**
 * The sync service: the account registry, canonical message keywords stamped with a per-account modseq, devices
 * and their read records, the RFC 8620 §5.2 changes-since cursor, and write-back of device edits to IMAP servers.
 */
package io.mailsync.sync;
