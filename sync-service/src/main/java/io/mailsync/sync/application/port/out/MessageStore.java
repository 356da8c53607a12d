package io.mailsync.sync.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.SetFlags;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Messages with their canonical keywords. Every write is one single-document atomic update. */
public interface MessageStore {

    /** Inserts a new message; false if the account already has a message at that location (a replay). */
    boolean insert(StoredMessage message);

    Optional<StoredMessage> find(String accountId, String messageId);

    Optional<StoredMessage> findByLocator(String accountId, MessageLocator locator);

    /**
     * Sets keywords and the modseq of the change, only if the message is still at {@code expectedModseq}
     * (optimistic concurrency between the event consumer and devices). False if someone else changed it first.
     * A non-null {@code writeBack} is queued on the message in the same atomic write (an outbox): the change and
     * its write-back to the IMAP server are never separated, even if the broker is down at that moment.
     */
    boolean updateKeywords(String accountId, String messageId, long expectedModseq, Set<String> keywords, long modseq,
                           SetFlags writeBack);

    /** The queued write-back was handed to the broker; drop it from the message's outbox. */
    void writeBackSent(String accountId, String messageId, SetFlags writeBack);

    /** Write-backs still queued, oldest messages first, at most {@code limit}. */
    List<PendingWriteBack> pendingWriteBacks(int limit);

    record PendingWriteBack(String accountId, String messageId, SetFlags command) {
    }

    /** Records a server event that changed nothing the devices see (an echo, an unchanged flag set). */
    void recordServerEvent(String accountId, String messageId, Long serverModSeq, Instant at);

    /** Keywords changed by a server event: as {@link #updateKeywords}, also recording the server's position. */
    boolean applyServerKeywords(String accountId, String messageId, long expectedModseq, Set<String> keywords,
                                long modseq, Long serverModSeq, Instant at);

    /**
     * The message is gone from the server (or deleted by the user): destroyed at {@code modseq}, remembering when
     * ({@code deletedAt}) so that, where its body is stored, it stays restorable for the recovery window (issue 11).
     */
    boolean markDestroyed(String accountId, String messageId, long expectedModseq, long modseq, Instant deletedAt);

    /** When the message was last restored from the deleted messages; expunges seen before that are stale replays. */
    Optional<Instant> restoredAt(String accountId, String messageId);

    /**
     * Inserts a message mailsync put on the server itself (APPEND of a sent copy), live at once under a placeholder
     * location until the fetcher sees it; false on a duplicate id.
     */
    boolean insertAwaitingAppend(StoredMessage message);

    /** Live messages waiting for the fetcher to see the copy mailsync APPENDed, by Message-ID header. */
    List<StoredMessage> findAwaitingAppend(String accountId, String messageIdHeader);

    /**
     * The APPENDed copy arrived at {@code to}: the message takes that location, keeping its id and keywords, and
     * no longer waits; only if still at {@code expectedModseq}.
     */
    boolean adoptAppended(String accountId, String messageId, long expectedModseq, MessageLocator to, long modseq,
                          Long serverModSeq, Instant at);

    /**
     * Moves a message to its new location after a folder reset, keeping its id and keywords; false if it is no
     * longer at {@code from}.
     */
    boolean relocate(String accountId, String messageId, MessageLocator from, MessageLocator to, Long serverModSeq,
                     Instant at);

    /** Live messages of a folder whose location is from before a reset: candidates for re-matching. */
    List<StoredMessage> findRematchCandidates(String accountId, String folder, long newUidValidity,
                                              String messageIdHeader, long size);

    void markDeleteRequested(String accountId, String messageId);

    /** A page of live messages, newest first, created before {@code beforeCreatedModseq} when given. */
    List<StoredMessage> list(String accountId, String folder, Long beforeCreatedModseq, int limit);

    /** The content-store references of every message of the account, live or destroyed. */
    List<String> contentRefs(String accountId);

    void deleteAccount(String accountId);

    // Batch ingest (ApplyMailEvents). Each default does what the single-message methods above do, one at a time;
    // the MongoDB adapter makes each one round trip.

    /** The account's messages at these locations, by {@link MessageLocator#key()}. */
    default Map<String, StoredMessage> findByLocators(String accountId, Collection<MessageLocator> locators) {
        Map<String, StoredMessage> found = new LinkedHashMap<>();
        for (MessageLocator locator : locators) {
            findByLocator(accountId, locator).ifPresent(message -> found.put(locator.key(), message));
        }
        return found;
    }

    /**
     * Like {@link #findByLocators}, but only messages still at the location their id was derived from
     * ({@code MessageIds.of(accountId, locator.key())}): an id lookup everywhere. A message moved there later (re-matched
     * after a folder reset, adopted as an APPENDed copy) is not found; inserting another message at its location is
     * then refused by the unique location, which {@link #insertAll} reports.
     */
    default Map<String, StoredMessage> findAtOwnLocations(String accountId, Collection<MessageLocator> locators) {
        Map<String, StoredMessage> found = new LinkedHashMap<>(findByLocators(accountId, locators));
        found.entrySet().removeIf(e -> !e.getValue().id().equals(MessageIds.of(accountId, e.getKey())));
        return found;
    }

    /** Those of these Message-ID headers that a live message waiting for its APPENDed copy has. */
    default Set<String> awaitingAppendAmong(String accountId, Collection<String> messageIdHeaders) {
        Set<String> awaited = new HashSet<>();
        for (String header : messageIdHeaders) {
            if (!findAwaitingAppend(accountId, header).isEmpty()) {
                awaited.add(header);
            }
        }
        return awaited;
    }

    /** Inserts new messages; returns the ids of those not inserted because their location was taken (replays). */
    default Set<String> insertAll(List<StoredMessage> messages) {
        Set<String> taken = new HashSet<>();
        for (StoredMessage message : messages) {
            if (!insert(message)) {
                taken.add(message.id());
            }
        }
        return taken;
    }

    /**
     * Applies the net effect of server events per message: {@link #applyServerKeywords} where keywords changed, else
     * {@link #recordServerEvent}. Returns the ids whose conditional write did not match (a device changed it first).
     */
    default Set<String> applyServerEvents(String accountId, List<ServerEventWrite> writes) {
        Set<String> lost = new HashSet<>();
        for (ServerEventWrite w : writes) {
            if (w.keywords() == null) {
                recordServerEvent(accountId, w.messageId(), w.serverModSeq(), w.at());
            } else if (!applyServerKeywords(accountId, w.messageId(), w.expectedModseq(), w.keywords(), w.modseq(),
                    w.serverModSeq(), w.at())) {
                lost.add(w.messageId());
            }
        }
        return lost;
    }

    /**
     * One message's server events of a batch. {@code keywords} null: nothing devices see changed, only the server's
     * position ({@code $max}); else the new keywords at {@code modseq}, only if the message is still at
     * {@code expectedModseq}.
     */
    record ServerEventWrite(String messageId, Set<String> keywords, long expectedModseq, long modseq,
                            Long serverModSeq, Instant at) {
    }
}
