/** IMAP behind the MailServer port, with Angus Mail: sessions on virtual threads, read by UID, IDLE for push. */
package io.mailsync.fetcher.adapter.out.imap;
