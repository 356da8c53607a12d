package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.PrivateSeen;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's keyword change as its person makes it (issue 23). On a mailbox with private read state, a person it is
 * shared with sets their own {@code $seen}: stamped with the account's next modseq and logged as a personal change
 * (only their {@code /changes} reports it), never written back to the server; the rest of the change is the shared
 * one {@link UpdateKeywords} makes. Everyone else's change is {@link UpdateKeywords}' alone. A private
 * {@code $seen} applies in server order, without the read-wins rule of a stale offline edit (it has no other writer).
 */
public class UpdatePersonalKeywords {

    private final AccountAccess access;
    private final UpdateKeywords shared;
    private final PersonalView view;
    private final MessageLookup messages;
    private final PrivateSeen privateSeen;
    private final DeviceStore devices;
    private final AccountCounter counter;
    private final ChangeLog changeLog;
    private final MessageChanges changes;
    private final Clock clock;

    public UpdatePersonalKeywords(AccountAccess access, UpdateKeywords shared, PersonalView view,
                                  MessageLookup messages, PrivateSeen privateSeen, DeviceStore devices,
                                  AccountCounter counter, ChangeLog changeLog, MessageChanges changes, Clock clock) {
        this.access = access;
        this.shared = shared;
        this.view = view;
        this.messages = messages;
        this.privateSeen = privateSeen;
        this.devices = devices;
        this.counter = counter;
        this.changeLog = changeLog;
        this.changes = changes;
        this.clock = clock;
    }

    public UpdateKeywords.Result update(Caller caller, AccountId accountId, String messageId, DeviceId deviceId,
                                        KeywordDelta delta, String baseState, String ifState) {
        Account account = access.require(caller, accountId);
        Boolean seen = delta.changes().get(Keyword.SEEN);
        if (seen == null || !view.isPrivateFor(caller, account)) {
            UpdateKeywords.Result result = shared.update(caller, accountId, messageId, deviceId, delta, baseState,
                    ifState);
            return new UpdateKeywords.Result(view.asSeenBy(caller, accountId, result.message()), result.state());
        }
        Map<Keyword, Boolean> rest = new HashMap<>(delta.changes());
        rest.remove(Keyword.SEEN);
        SyncState state = null;
        if (!rest.isEmpty()) {
            state = shared.update(caller, accountId, messageId, deviceId, new KeywordDelta(rest), baseState, ifState)
                    .state();
        } else if (deviceId == null) {
            throw new IllegalArgumentException("X-Device-Id names the device making the change");
        }
        AccountId mailbox = accountId;
        devices.find(mailbox, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
        StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
        MessageId id = message.id();
        boolean was = !privateSeen.seenAmong(mailbox, caller.customerId(), List.of(id)).isEmpty();
        if (was != seen) {
            AccountCounter.Reservation reservation = counter.reserve(mailbox, 1);
            try {
                // logged before it is made, like every change: a crash in between over-reports, never under-reports
                changeLog.append(mailbox, new ChangeEntry(reservation.upTo(), message.id().value(), ChangeKind.UPDATED,
                        clock.instant(), caller.customerId(), deviceId.value(), true));
                privateSeen.mark(mailbox, caller.customerId(), id, seen);
            } finally {
                state = counter.written(mailbox, reservation);
            }
            changes.announce(accountId, state);
        }
        if (seen) {
            devices.read(mailbox, deviceId, id, clock.instant());
        }
        return new UpdateKeywords.Result(PersonalView.withSeen(messages.find(mailbox, id).orElse(message), seen),
                state != null ? state : counter.current(mailbox).state());
    }
}
