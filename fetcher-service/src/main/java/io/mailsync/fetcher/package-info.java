/** fetcher-service: IMAP/POP3 sessions for the accounts this instance owns, turned into events on mail.events. */
package io.mailsync.fetcher;
