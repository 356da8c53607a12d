package io.mailsync.fetcher.application;

import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MailboxSearched.FolderHits;
import io.mailsync.events.MailboxSearched.Outcome;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.CommandReplies;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 20: a search run by the mail server — it has every body — on the session's own connection (DESIGN.md "Reads
 * that need the server go to the owner"): {@code UID SEARCH} in each folder asked for (INBOX is the selected one, any
 * other opened for it), answered with each folder's UIDVALIDITY and UIDs. A lost connection propagates (the session
 * retries on its next connection); a refusal is answered {@code FAILED}; a request nobody waits for is dropped.
 */
final class MailboxSearches {

    private static final Logger log = LoggerFactory.getLogger(MailboxSearches.class);
    private static final String INBOX = "INBOX";

    private final CommandReplies replies;
    private final Clock clock;

    MailboxSearches(CommandReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    void answer(SearchMailbox request, RemoteFolder inbox, MailboxConnection c, Long ownerEpoch) {
        if (request.expiredAt(clock.instant())) {
            log.info("account {}: search {} dropped: nobody waits for it since {}", request.accountId(),
                    request.commandId(), request.answerBy());
            return;
        }
        List<FolderHits> hits = new ArrayList<>();
        try {
            for (String folder : request.folders()) {
                hits.add(INBOX.equalsIgnoreCase(folder) ? search(inbox, request)
                        : searchElsewhere(c, folder, request));
            }
        } catch (MailServerException.Unreachable lost) {
            throw lost;
        } catch (MailServerException refused) {
            BodyFetches.send(replies, new MailboxSearched(request.commandId(), clock.instant(), request.accountId(),
                    Outcome.FAILED, List.of(), ownerEpoch, "the mail server refused: " + refused.getMessage()));
            return;
        }
        BodyFetches.send(replies, new MailboxSearched(request.commandId(), clock.instant(), request.accountId(),
                Outcome.FOUND, hits, ownerEpoch, null));
    }

    private static FolderHits searchElsewhere(MailboxConnection c, String name, SearchMailbox request) {
        RemoteFolder folder = c.open(name);
        try {
            return search(folder, request);
        } finally {
            c.release(folder);
        }
    }

    private static FolderHits search(RemoteFolder folder, SearchMailbox request) {
        return new FolderHits(folder.name(), folder.uidValidity().value(),
                folder.search(request.criteria()).stream().map(Uid::value).toList());
    }
}
