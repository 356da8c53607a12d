/**
 * Interoperability: private instances of real IMAP/POP3 servers (Dovecot, Cyrus, Courier, GreenMail) behind one
 * {@link io.mailsync.interop.MailServer} API, real mail clients (mbsync, mutt, fetchmail) as other devices, and the
 * capability matrix. Cyrus and Courier come from Debian packages extracted by {@code interop/scripts/fetch-servers.sh}.
 */
package io.mailsync.interop;
