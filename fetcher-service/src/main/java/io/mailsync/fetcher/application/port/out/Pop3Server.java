package io.mailsync.fetcher.application.port.out;

/** Opens POP3 sessions (RFC 1939): a maildrop is locked while a session is open, so sessions are short. */
public interface Pop3Server {

    /**
     * @throws MailServerException.AuthenticationFailed when the server refuses the credentials
     * @throws MailServerException.Unreachable          when the server cannot be reached
     */
    Pop3Drop connect(MailLogin login);
}
