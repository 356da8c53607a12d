package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailServerException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import org.eclipse.angus.mail.iap.ConnectionException;

/** Maps Angus' exceptions to what the session should do: retry soon, retry slowly, or reconnect. */
final class ImapFailures {

    private ImapFailures() {
    }

    static MailServerException translate(String what, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new MailServerException.AuthenticationFailed(what + ": credentials refused", e);
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException
                || hasCause(e, IOException.class) || hasCause(e, ConnectionException.class)) {
            return new MailServerException.Unreachable(what + ": " + e.getMessage(), e);
        }
        return new MailServerException(what + ": " + e.getMessage(), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && type.isInstance(m.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
