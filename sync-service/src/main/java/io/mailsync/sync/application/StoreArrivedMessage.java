package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.FolderResets;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a message the fetcher announced, once: the id is derived from its location, so a replay finds it. A
 * rebuilt message after a folder reset is re-matched (Message-ID header, size, date) and keeps its id. For POP3,
 * once stored, the retention hand-off tells the fetcher it may delete the server copy — never earlier.
 */
public class StoreArrivedMessage {

    private final MessageLookup messages;
    private final MessageFiling filing;
    private final FolderResets resets;
    private final MessageChanges changes;
    private final CommandPublisher commands;
    private final Clock clock;

    public StoreArrivedMessage(MessageLookup messages, MessageFiling filing, FolderResets resets,
                               MessageChanges changes, CommandPublisher commands, Clock clock) {
        this.messages = messages;
        this.filing = filing;
        this.resets = resets;
        this.changes = changes;
        this.commands = commands;
        this.clock = clock;
    }

    public void store(Account account, MessageArrived event) {
        AccountId accountId = event.accountId();
        Optional<StoredMessage> existing = messages.findByLocator(accountId, event.locator());
        if (existing.isPresent()) {
            handOff(account, existing.get()); // a replay; the hand-off may not have made it last time
            return;
        }
        if (event.rebuild() && !event.locator().isPop3() && rematch(event)) {
            return;
        }
        if (!event.locator().isPop3() && event.messageIdHeader() != null && adoptAppended(event)) {
            return;
        }
        MessageId id = MessageIds.of(accountId, event.locator().key());
        StoredMessage[] inserted = new StoredMessage[1];
        changes.record(accountId, id, ChangeKind.CREATED, modseq -> {
            StoredMessage message = new StoredMessage(id, accountId, event.locator(), event.envelope(),
                    event.receivedAt(),
                    event.size(), Keyword.validAmong(event.flags()), event.contentRef(), modseq, modseq,
                    event.modSeq(), event.occurredAt(), false, false);
            boolean stored = filing.insert(message);
            inserted[0] = stored ? message : null;
            return stored;
        });
        // not inserted: someone stored this location first (a concurrent replay); hand off what is stored
        StoredMessage stored = inserted[0] != null ? inserted[0]
                : messages.findByLocator(accountId, event.locator()).orElseThrow();
        handOff(account, stored);
    }

    /**
     * The copy mailsync APPENDed (a restored message, a device's sent mail) has arrived: the waiting message takes
     * its location and keeps its public id (issue 11). Matched by Message-ID header, preferring the same size.
     */
    private boolean adoptAppended(MessageArrived event) {
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            List<StoredMessage> waiting = filing.findAwaitingAppend(event.accountId(),
                    event.messageIdHeader());
            Optional<StoredMessage> match = waiting.stream().filter(m -> m.size() == event.size()).findFirst()
                    .or(() -> waiting.size() == 1 ? Optional.of(waiting.getFirst()) : Optional.empty());
            if (match.isEmpty()) {
                return false;
            }
            StoredMessage message = match.get();
            if (changes.record(event.accountId(), message.id(), ChangeKind.UPDATED,
                    modseq -> filing.adoptAppended(event.accountId(), message.id(),
                            ModSeq.of(message.modseq()), event.locator(), ModSeq.of(modseq), event.modSeq(),
                            event.occurredAt())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean rematch(MessageArrived event) {
        if (event.messageIdHeader() == null) {
            return false;
        }
        AccountId accountId = event.accountId();
        List<StoredMessage> candidates = resets.findRematchCandidates(accountId, event.locator().folder(),
                new UidValidity(event.locator().uidValidity()), event.messageIdHeader(), event.size());
        for (StoredMessage candidate : candidates) {
            if (Objects.equals(candidate.envelope().sentAt(), event.sentAt())
                    && resets.relocate(accountId, candidate.id(), candidate.locator(), event.locator(),
                    event.modSeq(), event.occurredAt())) {
                return true;
            }
        }
        return false;
    }

    /** POP3 retention: once the message is stored, the fetcher may delete the server copy (also for ApplyMailEvents). */
    void handOff(Account account, StoredMessage message) {
        if (!account.isPop3() || !message.locator().isPop3() || message.deleteRequested() || message.destroyed()) {
            return;
        }
        Pop3Retention retention = account.spec().retention();
        Instant notBefore = switch (retention.policy()) {
            case KEEP -> null;
            case DELETE_AFTER_FETCH -> Instant.EPOCH;
            case DELETE_AFTER_DAYS -> (message.receivedAt() != null ? message.receivedAt() : clock.instant())
                    .plus(Duration.ofDays(retention.days()));
        };
        if (notBefore == null) {
            return;
        }
        // a stable command id: a replay sends the same command, which the fetcher can recognise
        UUID commandId = UUID.nameUUIDFromBytes(("delete\n" + message.id()).getBytes(StandardCharsets.UTF_8));
        commands.send(new DeleteFromServer(commandId, clock.instant(), account.accountId(),
                Origin.system("sync-retention"), message.locator(),
                notBefore.equals(Instant.EPOCH) ? null : notBefore));
        filing.markDeleteRequested(account.accountId(), message.id());
    }
}
