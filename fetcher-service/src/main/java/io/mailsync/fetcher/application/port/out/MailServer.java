package io.mailsync.fetcher.application.port.out;

/** Opens authenticated connections to an account's mail server. */
public interface MailServer {

    /**
     * Logs in.
     *
     * @throws MailServerException.AuthenticationFailed when the server refuses the credentials (do not retry soon)
     * @throws MailServerException.Unreachable          when the server cannot be reached (retry with back-off)
     */
    MailboxConnection connect(MailLogin login);
}
