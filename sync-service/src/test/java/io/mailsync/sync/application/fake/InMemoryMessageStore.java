package io.mailsync.sync.application.fake;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.sync.application.port.out.AccountMessages;
import io.mailsync.sync.application.port.out.FolderResets;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.ServerChanges;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every message port on one map, as the MongoDB adapters are on one collection. The batches do what the
 * single-message operations do, one at a time.
 */
public final class InMemoryMessageStore implements MessageLookup, MessageFiling, KeywordUpdates, ServerChanges,
        MessageDestruction, FolderResets, MessageBatches, AccountMessages {

    private final Map<MessageId, StoredMessage> byId = new LinkedHashMap<>();
    private final List<PendingWriteBack> outbox = new ArrayList<>();
    private final java.util.Set<MessageId> awaiting = new java.util.HashSet<>();

    @Override
    public synchronized boolean insert(StoredMessage message) {
        if (byId.containsKey(message.id()) || findByLocator(message.accountId(), message.locator()).isPresent()) {
            return false;
        }
        byId.put(message.id(), message);
        return true;
    }

    @Override
    public synchronized Optional<StoredMessage> find(AccountId accountId, MessageId messageId) {
        return Optional.ofNullable(byId.get(messageId)).filter(m -> m.accountId().equals(accountId));
    }

    @Override
    public synchronized Optional<StoredMessage> findByLocator(AccountId accountId, MessageLocator locator) {
        return byId.values().stream()
                .filter(m -> m.accountId().equals(accountId) && m.locator().key().equals(locator.key())).findFirst();
    }

    /** Tests: {@code action} runs once, just before the next conditional write (a concurrent writer wins the race). */
    public synchronized void beforeNextConditionalWrite(Runnable action) {
        beforeNextWrite = action;
    }

    private Runnable beforeNextWrite;

    private boolean replace(MessageId messageId, long expectedModseq, UnaryOperator<StoredMessage> change) {
        if (beforeNextWrite != null) {
            Runnable action = beforeNextWrite;
            beforeNextWrite = null;
            action.run();
        }
        StoredMessage m = byId.get(messageId);
        if (m == null || m.modseq() != expectedModseq) {
            return false;
        }
        byId.put(messageId, change.apply(m));
        return true;
    }

    private static StoredMessage with(StoredMessage m, MessageLocator locator, Set<Keyword> keywords, long modseq,
                                      Long serverModSeq, Instant at, boolean destroyed, boolean deleteRequested) {
        return new StoredMessage(m.id(), m.accountId(), locator, m.envelope(), m.receivedAt(), m.size(), keywords,
                m.contentRef(), m.createdModseq(), modseq,
                serverModSeq, at, destroyed, deleteRequested);
    }

    @Override
    public synchronized boolean updateKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                               Set<Keyword> keywords, ModSeq modseq, SetFlags writeBack) {
        boolean updated = replace(messageId, expectedModseq.value(), m -> with(m, m.locator(), keywords,
                modseq.value(), m.serverModSeq(), m.lastServerEventAt(), m.destroyed(), m.deleteRequested()));
        if (updated && writeBack != null) {
            outbox.add(new PendingWriteBack(accountId, messageId, writeBack));
        }
        return updated;
    }

    @Override
    public synchronized void writeBackSent(AccountId accountId, MessageId messageId, SetFlags writeBack) {
        outbox.remove(new PendingWriteBack(accountId, messageId, writeBack));
    }

    @Override
    public synchronized List<PendingWriteBack> pendingWriteBacks(int limit) {
        return outbox.stream().limit(limit).toList();
    }

    @Override
    public synchronized void recordServerEvent(AccountId accountId, MessageId messageId, Long serverModSeq,
                                               Instant at) {
        StoredMessage m = byId.get(messageId);
        Long modSeq = m.serverModSeq();
        if (serverModSeq != null && (modSeq == null || serverModSeq > modSeq)) {
            modSeq = serverModSeq;
        }
        Instant last = m.lastServerEventAt() == null || at.isAfter(m.lastServerEventAt()) ? at : m.lastServerEventAt();
        byId.put(messageId, with(m, m.locator(), m.keywords(), m.modseq(), modSeq, last, m.destroyed(),
                m.deleteRequested()));
    }

    @Override
    public synchronized boolean applyServerKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                                    Set<Keyword> keywords, ModSeq modseq, Long serverModSeq, Instant at) {
        return replace(messageId, expectedModseq.value(), m -> with(m, m.locator(), keywords, modseq.value(),
                serverModSeq == null ? m.serverModSeq() : serverModSeq, at, m.destroyed(), m.deleteRequested()));
    }

    @Override
    public synchronized boolean markDestroyed(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                              ModSeq modseq, Instant deletedAt) {
        return replace(messageId, expectedModseq.value(), m -> with(m, m.locator(), m.keywords(),
                modseq.value(), m.serverModSeq(),
                m.lastServerEventAt(), true, m.deleteRequested()));
    }

    @Override
    public synchronized Optional<Instant> restoredAt(AccountId accountId, MessageId messageId) {
        return Optional.empty(); // restoring is not faked: DeletedMailIT covers it on MongoDB
    }

    @Override
    public synchronized boolean insertAwaitingAppend(StoredMessage message) {
        if (!insert(message)) {
            return false;
        }
        awaiting.add(message.id());
        return true;
    }

    @Override
    public synchronized List<StoredMessage> findAwaitingAppend(AccountId accountId, String messageIdHeader) {
        return byId.values().stream().filter(m -> m.accountId().equals(accountId) && awaiting.contains(m.id())
                && !m.destroyed() && Objects.equals(messageIdHeader, m.messageIdHeader())).toList();
    }

    @Override
    public synchronized boolean adoptAppended(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                              MessageLocator to, ModSeq modseq, Long serverModSeq, Instant at) {
        if (findByLocator(accountId, to).isPresent()) {
            return false;
        }
        boolean adopted = replace(messageId, expectedModseq.value(), m -> with(m, to, m.keywords(),
                modseq.value(), serverModSeq, at, m.destroyed(), m.deleteRequested()));
        if (adopted) {
            awaiting.remove(messageId);
        }
        return adopted;
    }

    @Override
    public synchronized boolean relocate(AccountId accountId, MessageId id, MessageLocator from, MessageLocator to,
                                         Long serverModSeq, Instant at) {
        MessageId messageId = id;
        StoredMessage m = byId.get(messageId);
        if (m == null || !m.locator().equals(from) || findByLocator(accountId, to).isPresent()) {
            return false;
        }
        byId.put(messageId, with(m, to, m.keywords(), m.modseq(), serverModSeq, at, m.destroyed(),
                m.deleteRequested()));
        return true;
    }

    @Override
    public synchronized List<StoredMessage> findRematchCandidates(AccountId accountId, String folder,
                                                                  UidValidity newUidValidity, String messageIdHeader,
                                                                  long size) {
        return byId.values().stream().filter(m -> m.accountId().equals(accountId) && !m.destroyed()
                && folder.equals(m.folder()) && Objects.equals(messageIdHeader, m.messageIdHeader())
                && m.size() == size && !Objects.equals(m.locator().uidValidity(), newUidValidity.value())).toList();
    }

    @Override
    public synchronized void markDeleteRequested(AccountId accountId, MessageId messageId) {
        StoredMessage m = byId.get(messageId);
        byId.put(messageId, with(m, m.locator(), m.keywords(), m.modseq(), m.serverModSeq(), m.lastServerEventAt(),
                m.destroyed(), true));
    }

    @Override
    public synchronized List<StoredMessage> list(AccountId accountId, String folder, ListingKey after, int limit) {
        return byId.values().stream()
                .filter(m -> m.accountId().equals(accountId) && !m.destroyed())
                .filter(m -> folder == null || folder.equals(m.folder()))
                .filter(m -> after == null || after.isFollowedBy(m))
                .sorted(ListingKey.NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized List<String> contentRefs(AccountId accountId) {
        return byId.values().stream().filter(m -> m.accountId().equals(accountId) && m.contentRef() != null)
                .map(StoredMessage::contentRef).toList();
    }

    @Override
    public synchronized void deleteAccount(AccountId accountId) {
        byId.values().removeIf(m -> m.accountId().equals(accountId));
    }

    @Override
    public synchronized Map<MessageLocator, StoredMessage> findByLocators(AccountId accountId,
                                                                          Collection<MessageLocator> locators) {
        Map<MessageLocator, StoredMessage> found = new LinkedHashMap<>();
        for (MessageLocator locator : locators) {
            findByLocator(accountId, locator).ifPresent(message -> found.put(locator, message));
        }
        return found;
    }

    @Override
    public synchronized Map<MessageLocator, StoredMessage> findAtOwnLocations(AccountId accountId,
                                                                              Collection<MessageLocator> locators) {
        Map<MessageLocator, StoredMessage> found = new LinkedHashMap<>(findByLocators(accountId, locators));
        found.entrySet().removeIf(e -> !e.getValue().id().equals(MessageIds.of(accountId, e.getKey().key())));
        return found;
    }

    @Override
    public synchronized Set<String> awaitingAppendAmong(AccountId accountId, Collection<String> messageIdHeaders) {
        Set<String> awaited = new HashSet<>();
        for (String header : messageIdHeaders) {
            if (!findAwaitingAppend(accountId, header).isEmpty()) {
                awaited.add(header);
            }
        }
        return awaited;
    }

    @Override
    public synchronized Set<MessageId> insertAll(List<StoredMessage> messages) {
        Set<MessageId> taken = new HashSet<>();
        for (StoredMessage message : messages) {
            if (!insert(message)) {
                taken.add(message.id());
            }
        }
        return taken;
    }

    @Override
    public synchronized Set<MessageId> applyServerEvents(AccountId accountId, List<ServerEventWrite> writes) {
        Set<MessageId> lost = new HashSet<>();
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
}
