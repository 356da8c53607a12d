package io.mailsync.fetcher.application.port.out;

/**
 * A mail server failed us. The subtype tells the session what to do: retry soon, retry slowly, or give up on the
 * connection and reconnect. Messages never contain a secret.
 */
public class MailServerException extends RuntimeException {

    public MailServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The server refused the credentials: retried slowly, never in a loop. */
    public static final class AuthenticationFailed extends MailServerException {
        public AuthenticationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server could not be reached or dropped the connection: retried with back-off. */
    public static final class Unreachable extends MailServerException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server lacks something the account needs (e.g. POP3 without UIDL): an account error, retried slowly. */
    public static final class Unsupported extends MailServerException {
        public Unsupported(String message) {
            super(message, null);
        }
    }
}
