package io.mailsync.sync.application;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.FolderReset;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.ServerChanges;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what happened in a mailbox to the canonical state, idempotently: a replayed or older event changes
 * nothing, and only a real change is stamped with a modseq.
 */
public class ApplyMailEvent {

    private static final Logger log = LoggerFactory.getLogger(ApplyMailEvent.class);

    private final AccountStore accounts;
    private final MessageLookup messages;
    private final ServerChanges server;
    private final MessageDestruction destruction;
    private final AccountCounter counter;
    private final MessageChanges changes;
    private final StoreArrivedMessage arrivals;

    public ApplyMailEvent(AccountStore accounts, MessageLookup messages, ServerChanges server,
                          MessageDestruction destruction, AccountCounter counter, MessageChanges changes,
                          StoreArrivedMessage arrivals) {
        this.accounts = accounts;
        this.messages = messages;
        this.server = server;
        this.destruction = destruction;
        this.counter = counter;
        this.changes = changes;
        this.arrivals = arrivals;
    }

    public void apply(MailEvent event) {
        Optional<Account> account = accounts.find(event.accountId());
        if (account.isEmpty()) {
            log.debug("skipping {} for unknown account {}", event.getClass().getSimpleName(), event.accountId());
            return;
        }
        OwnerEpochGate owners = new OwnerEpochGate(accounts, account.get());
        if (owners.raises(event)) {
            owners.raise(event); // events before it in the partition were applied before this one was polled
        }
        if (!owners.stale(event)) {
            apply(account.get(), event);
        }
    }

    /** For {@link ApplyMailEvents}, which looked the account up once and gated owner epochs for its whole batch. */
    void apply(Account account, MailEvent event) {
        switch (event) {
            case MessageArrived arrived -> arrivals.store(account, arrived);
            case MessageFlagsChanged flags -> flagsChanged(flags);
            case MessageExpunged expunged -> expunged(account, expunged);
            case FolderReset reset -> folderReset(reset);
            case AccountStatusChanged status -> accounts.updateStatus(status.accountId(),
                    status.status().name(),
                    status.reason(), status.occurredAt());
            case MailboxUsageSampled ignored -> {
                // quota-service's concern
            }
        }
    }

    private void flagsChanged(MessageFlagsChanged event) {
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            Optional<StoredMessage> found = messages.findByLocator(event.accountId(), event.locator());
            if (found.isEmpty() || found.get().destroyed() || isOlder(found.get(), event)) {
                return;
            }
            StoredMessage message = found.get();
            Set<Keyword> added = Keyword.validAmong(event.added());
            Set<Keyword> removed = Keyword.validAmong(event.removed());
            boolean echo = event.origin() != null && event.origin().kind() == Origin.Kind.DEVICE;
            if (echo || (added.isEmpty() && removed.isEmpty())) {
                // the server confirming a device's write-back: already applied when the device made it
                server.recordServerEvent(event.accountId(), message.id(), event.modSeq(),
                        event.occurredAt());
                return;
            }
            Set<Keyword> next = KeywordDelta.of(added, removed).applyTo(message.keywords());
            if (next.equals(message.keywords())) {
                server.recordServerEvent(event.accountId(), message.id(), event.modSeq(),
                        event.occurredAt());
                return;
            }
            if (changes.record(event.accountId(), message.id(), ChangeKind.UPDATED,
                    modseq -> server.applyServerKeywords(event.accountId(), message.id(),
                            ModSeq.of(message.modseq()), next, ModSeq.of(modseq), event.modSeq(), event.occurredAt())).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("message at " + event.locator().key() + " kept changing; will retry");
    }

    /** RFC 7162: a server modseq orders server events; without one, the time the fetcher saw them does. */
    private static boolean isOlder(StoredMessage message, MessageFlagsChanged event) {
        return isOlder(message.serverModSeq(), message.lastServerEventAt(), event);
    }

    static boolean isOlder(Long serverModSeq, Instant lastServerEventAt, MessageFlagsChanged event) {
        if (event.modSeq() != null && serverModSeq != null) {
            return event.modSeq() <= serverModSeq;
        }
        return lastServerEventAt != null && event.occurredAt().isBefore(lastServerEventAt);
    }

    private void expunged(Account account, MessageExpunged event) {
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            Optional<StoredMessage> found = messages.findByLocator(event.accountId(), event.locator());
            if (found.isEmpty() || found.get().destroyed()) {
                return;
            }
            StoredMessage message = found.get();
            if (account.isPop3() && message.deleteRequested()) {
                return; // we asked for it (retention policy): for POP3 mailsync keeps the message, the server need not
            }
            Optional<Instant> restored = destruction.restoredAt(event.accountId(),
                    message.id());
            if (restored.isPresent() && !event.occurredAt().isAfter(restored.get())) {
                return; // a replay of the deletion the user has since undone
            }
            if (changes.record(event.accountId(), message.id(), ChangeKind.DESTROYED,
                    modseq -> destruction.markDestroyed(event.accountId(), message.id(),
                            ModSeq.of(message.modseq()), ModSeq.of(modseq), event.occurredAt()))
                    .isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("message at " + event.locator().key() + " kept changing; will retry");
    }

    /** UIDVALIDITY changed: a new epoch, so every device resyncs; messages keep their ids when re-matched. */
    private void folderReset(FolderReset event) {
        counter.newEpoch(event.accountId(), event.folder() + "\n" + event.newUidValidity())
                .ifPresent(state -> changes.announce(event.accountId(), state));
    }
}
