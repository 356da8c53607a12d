package io.mailsync.sync.application;

import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A device changes a message's keywords. Live edits apply in server order; an offline edit whose base state is
 * older than the message's last change resolves read-wins for {@code $seen}. No device clocks are consulted.
 * For IMAP the change is written back to the server as {@link SetFlags}; POP3 has no server flags.
 */
public class UpdateKeywords {

    private final AccountAccess access;
    private final MessageLookup messages;
    private final KeywordUpdates keywords;
    private final DeviceStore devices;
    private final AccountCounter counter;
    private final MessageChanges changes;
    private final SendWriteBack sendWriteBack;
    private final Clock clock;

    public UpdateKeywords(AccountAccess access, MessageLookup messages, KeywordUpdates keywords, DeviceStore devices,
                          AccountCounter counter, MessageChanges changes, SendWriteBack sendWriteBack, Clock clock) {
        this.access = access;
        this.messages = messages;
        this.keywords = keywords;
        this.devices = devices;
        this.counter = counter;
        this.changes = changes;
        this.sendWriteBack = sendWriteBack;
        this.clock = clock;
    }

    /**
     * @param baseState the state the device last synced before making the edit (offline edits), or null
     * @param ifState   apply only if the message has not changed after this state (412 otherwise), or null
     */
    public Result update(Caller caller, AccountId accountId, String messageId, DeviceId deviceId, KeywordDelta delta,
                         String baseState, String ifState) {
        Account account = access.require(caller, accountId);
        if (deviceId == null) {
            throw new IllegalArgumentException("X-Device-Id names the device making the change");
        }
        devices.find(accountId, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
        SyncState base = baseState == null ? null : SyncState.parse(baseState);
        SyncState condition = ifState == null ? null : SyncState.parse(ifState);
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                    .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
            // the account's epoch only matters to a state the device names (a read fewer for a plain edit)
            long epoch = base == null && condition == null ? 0 : counter.current(accountId).state().epoch();
            if (condition != null && (condition.epoch() != epoch || message.modseq() > condition.modseq())) {
                throw new SyncProblems.PreconditionFailed("message " + messageId + " changed after state " + ifState);
            }
            boolean stale = base != null && (base.epoch() != epoch || message.modseq() > base.modseq());
            Optional<KeywordDelta> effective = stale ? delta.resolveStale() : Optional.of(delta);
            Set<Keyword> next = effective.map(d -> d.applyTo(message.keywords())).orElse(message.keywords());
            if (next.equals(message.keywords())) {
                recordRead(accountId, deviceId, message.id(), next);
                return new Result(message, counter.current(accountId).state());
            }
            SetFlags writeBack = account.isPop3() ? null : writeBack(accountId, deviceId, message, effective.get());
            MessageId id = message.id();
            long[] written = new long[1];
            Optional<SyncState> state = changes.record(accountId, id, ChangeKind.UPDATED, modseq -> {
                if (!keywords.updateKeywords(accountId, id, ModSeq.of(message.modseq()), next, ModSeq.of(modseq),
                        writeBack)) {
                    return false;
                }
                written[0] = modseq;
                if (writeBack != null) {
                    // first, and without waiting for the broker: the server's flag is what the device's user sees
                    // on the customer's other mail clients (issue 18, P7); the outbox keeps it until it is sent
                    sendWriteBack.sendSoon(accountId, id, writeBack);
                }
                return true;
            });
            if (state.isPresent()) {
                recordRead(accountId, deviceId, id, next);
                // the update was conditional on the message as read above: it is that message with these keywords
                return new Result(message.changed(next, written[0]), state.get());
            }
        }
        throw new SyncProblems.Conflict("message " + messageId + " is changing concurrently; retry");
    }

    private SetFlags writeBack(AccountId accountId, DeviceId deviceId, StoredMessage before, KeywordDelta delta) {
        Set<Keyword> add = delta.addedTo(before.keywords());
        Set<Keyword> remove = delta.removedFrom(before.keywords());
        if (add.isEmpty() && remove.isEmpty()) {
            return null;
        }
        // no UNCHANGEDSINCE: +FLAGS/-FLAGS deltas commute, and the read-wins decision is already made here; a
        // conditional STORE would only lose the write when another client touched any flag of the message meanwhile
        return new SetFlags(UUID.randomUUID(), clock.instant(), accountId, Origin.device(deviceId.value()),
                before.locator(),
                Keyword.values(add), Keyword.values(remove), null);
    }

    private void recordRead(AccountId accountId, DeviceId deviceId, MessageId messageId, Set<Keyword> keywords) {
        if (keywords.contains(Keyword.SEEN)) {
            devices.read(accountId, deviceId, messageId, clock.instant());
        }
    }

    public record Result(StoredMessage message, SyncState state) {
    }
}
