package io.mailsync.fetcher.adapter.out.imap;

import jakarta.mail.MessagingException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Counts the EXISTS responses (RFC 3501 §7.3.1) on a selected folder's connection, plus one per selection (issue 18,
 * P6): a server adds no message without one, so an unchanged count means nothing new — also where an EXPUNGE and an
 * EXISTS left the message count as it was. It listens beside Angus' own handler on the same connection, so it sees
 * every EXISTS Angus sees: in an IDLE, in any command's answer, in the ones this adapter parses itself (which hand
 * Angus what they do not consume). Angus' message count alone cannot say it: a client-side expunge lowers it.
 */
final class ImapExistsCount implements ResponseHandler {

    private final AtomicLong seen = new AtomicLong();
    private volatile IMAPProtocol on;

    /** Listens on the folder's connection, just selected (again): a selection counts as news. */
    void selected(IMAPFolder folder) throws MessagingException {
        released();
        folder.doCommand(p -> {
            p.addResponseHandler(this);
            on = p;
            return null;
        });
        seen.incrementAndGet();
    }

    /** Stops listening: the connection goes back to Angus' pool, where another folder may be selected on it. */
    void released() {
        IMAPProtocol p = on;
        on = null;
        if (p != null) {
            p.removeResponseHandler(this);
        }
    }

    long seen() {
        return seen.get();
    }

    @Override
    public void handleResponse(Response r) {
        if (r instanceof IMAPResponse ir && ir.keyEquals("EXISTS")) {
            seen.incrementAndGet();
        }
    }
}
