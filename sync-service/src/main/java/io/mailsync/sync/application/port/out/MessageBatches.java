package io.mailsync.sync.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Batch ingest (ApplyMailEvents): each does what the single-message operations of {@link MessageLookup},
 * {@link MessageFiling} and {@link ServerChanges} do, for many messages at once; the MongoDB adapter makes each one
 * round trip.
 */
public interface MessageBatches {

    /** The account's messages at these locations, by the location asked for. */
    Map<MessageLocator, StoredMessage> findByLocators(AccountId accountId, Collection<MessageLocator> locators);

    /**
     * Like {@link #findByLocators}, but only messages still at the location their id was derived from
     * ({@code MessageIds.of(accountId, locator.key())}): an id lookup everywhere. A message moved there later
     * (re-matched after a folder reset, adopted as an APPENDed copy) is not found; inserting another message at its
     * location is then refused by the unique location, which {@link #insertAll} reports.
     */
    Map<MessageLocator, StoredMessage> findAtOwnLocations(AccountId accountId, Collection<MessageLocator> locators);

    /** Those of these Message-ID headers that a live message waiting for its APPENDed copy has. */
    Set<String> awaitingAppendAmong(AccountId accountId, Collection<String> messageIdHeaders);

    /** Inserts new messages; returns the ids of those not inserted because their location was taken (replays). */
    Set<MessageId> insertAll(List<StoredMessage> messages);

    /**
     * Applies the net effect of server events per message: {@link ServerChanges#applyServerKeywords} where keywords
     * changed, else {@link ServerChanges#recordServerEvent}. Returns the ids whose conditional write did not match
     * (a device changed it first).
     */
    Set<MessageId> applyServerEvents(AccountId accountId, List<ServerEventWrite> writes);

    /**
     * One message's server events of a batch. {@code keywords} null: nothing devices see changed, only the server's
     * position ({@code $max}); else the new keywords at {@code modseq}, only if the message is still at
     * {@code expectedModseq}.
     */
    record ServerEventWrite(MessageId messageId, Set<Keyword> keywords, ModSeq expectedModseq, ModSeq modseq,
                            Long serverModSeq, Instant at) {
    }
}
