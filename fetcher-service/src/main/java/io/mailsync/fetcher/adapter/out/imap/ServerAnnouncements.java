package io.mailsync.fetcher.adapter.out.imap;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Counts the changes a server announces on a selected folder's connection (RFC 3501 §7.3–7.4: {@code EXISTS},
 * {@code EXPUNGE}, {@code FETCH}; RFC 7162 §3.2.10 {@code VANISHED}), in the answer to whichever command carried
 * them. Angus calls it on the thread that reads the response, before the command returns, so a session that reads
 * the count before and after a command knows whether that command's answer announced something IDLE will not
 * announce again (issue 18). It counts the answers to the fetcher's own FETCH and STORE commands too: a session
 * compares the count only around commands that ask for no message data. Those that say messages came or went
 * ({@code EXISTS}, {@code EXPUNGE}, {@code VANISHED}) are also counted on their own: a session compares that count
 * around a sync, whose FETCH answers it does not include.
 */
final class ServerAnnouncements implements ResponseHandler {

    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong countChanges = new AtomicLong();

    @Override
    public void handleResponse(Response response) {
        if (!(response instanceof IMAPResponse r) || !r.isUnTagged()) {
            return;
        }
        boolean count = r.keyEquals("EXISTS") || r.keyEquals("EXPUNGE") || r.keyEquals("VANISHED");
        if (count) {
            countChanges.incrementAndGet();
        }
        if (count || r.keyEquals("FETCH")) {
            seen.incrementAndGet();
        }
    }

    long seen() {
        return seen.get();
    }

    long countChanges() {
        return countChanges.get();
    }
}
