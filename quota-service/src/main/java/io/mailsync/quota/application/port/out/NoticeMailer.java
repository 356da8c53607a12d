package io.mailsync.quota.application.port.out;

import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.domain.Notice;

/** Sends a notice as an e-mail to the account's contact address. */
public interface NoticeMailer {

    /** Returns once the SMTP server accepted the message; throws {@link NotAccepted} otherwise. */
    void send(QuotaAccount account, Notice notice);

    /** The mail server did not take the message (down, refused): retry later. */
    class NotAccepted extends RuntimeException {
        public NotAccepted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
