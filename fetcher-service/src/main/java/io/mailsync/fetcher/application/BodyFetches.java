package io.mailsync.fetcher.application;

import io.mailsync.events.CommandReply;
import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.MessageBodyFetched.Outcome;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CommandReplies;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 20: a body mailsync did not store, fetched for a requester on the session's own connection — the fetcher holds
 * the only session for the mailbox (DESIGN.md "Reads that need the server go to the owner"). {@code BODY.PEEK[]}
 * never sets {@code \Seen} (RFC 3501 §6.4.5); the bytes go to the content store (ADR 0002) and the answer names them.
 * A lost connection propagates (the session retries the request on its next connection); a refusal is answered
 * {@code FAILED}, a message the server no longer has {@code GONE}; a request nobody waits for any more is dropped.
 */
final class BodyFetches {

    private static final Logger log = LoggerFactory.getLogger(BodyFetches.class);

    private final ContentStore contents;
    private final CommandReplies replies;
    private final Clock clock;
    private final MailboxSearches searches;

    BodyFetches(ContentStore contents, CommandReplies replies, Clock clock) {
        this.contents = contents;
        this.replies = replies;
        this.clock = clock;
        this.searches = new MailboxSearches(replies, clock);
    }

    /** The other read only the server can answer, on the same connection and reply topic. */
    MailboxSearches searches() {
        return searches;
    }

    /** Answers {@code request} from {@code folder}, the selected folder the locator names. */
    void answer(FetchMessageBody request, RemoteFolder folder, Long ownerEpoch) {
        if (request.expiredAt(clock.instant())) {
            log.info("account {}: body request {} dropped: nobody waits for it since {}", request.accountId(),
                    request.commandId(), request.answerBy());
            return;
        }
        MessageLocator at = request.locator();
        if (!folder.uidValidity().equals(new UidValidity(at.uidValidity()))) {
            send(MessageBodyFetched.notStored(request, clock.instant(), Outcome.GONE, ownerEpoch,
                    at.folder() + " has another UIDVALIDITY now"));
            return;
        }
        Optional<byte[]> raw;
        try {
            raw = folder.raw(new Uid(at.uid()));
        } catch (MailServerException.Unreachable lost) {
            throw lost;
        } catch (MailServerException refused) {
            send(MessageBodyFetched.notStored(request, clock.instant(), Outcome.FAILED, ownerEpoch,
                    "the mail server refused: " + refused.getMessage()));
            return;
        }
        if (raw.isEmpty()) {
            send(MessageBodyFetched.notStored(request, clock.instant(), Outcome.GONE, ownerEpoch,
                    "no UID " + at.uid() + " in " + at.folder()));
            return;
        }
        send(store(request, raw.get(), ownerEpoch));
    }

    private MessageBodyFetched store(FetchMessageBody request, byte[] raw, Long ownerEpoch) {
        try {
            String ref = contents.put(request.accountId(), request.locator().key(), raw);
            return MessageBodyFetched.stored(request, clock.instant(), ref, raw.length, ownerEpoch);
        } catch (RuntimeException storeDown) {
            log.warn("account {}: body request {}: the content store refused: {}", request.accountId(),
                    request.commandId(), storeDown.getMessage());
            return MessageBodyFetched.notStored(request, clock.instant(), Outcome.FAILED, ownerEpoch,
                    "the content store is unavailable");
        }
    }

    /** A request for a folder the session has not selected: answered on a folder opened for it. */
    void answerElsewhere(FetchMessageBody request, MailboxConnection c, Long ownerEpoch) {
        RemoteFolder folder;
        try {
            folder = c.open(request.locator().folder());
        } catch (MailServerException.Unreachable lost) {
            throw lost;
        } catch (MailServerException noSuchFolder) {
            send(MessageBodyFetched.notStored(request, clock.instant(), Outcome.GONE, ownerEpoch,
                    "no folder " + request.locator().folder()));
            return;
        }
        try {
            answer(request, folder, ownerEpoch);
        } finally {
            c.release(folder);
        }
    }

    private void send(MessageBodyFetched reply) {
        send(replies, reply);
    }

    /** An answer the broker did not take is not retried: the requester's wait ends in a 503 and it asks again. */
    static void send(CommandReplies replies, CommandReply reply) {
        try {
            replies.reply(reply);
        } catch (RuntimeException e) {
            log.warn("account {}: the answer to request {} was not sent: {}", reply.accountId(), reply.commandId(),
                    e.getMessage());
        }
    }
}
