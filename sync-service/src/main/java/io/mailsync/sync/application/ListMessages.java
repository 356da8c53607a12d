package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.util.List;

/**
 * A page of an account's messages, newest received first, with the state it reflects. The state is read before the
 * messages, so a change that races the listing is reported again by {@code /changes}, never lost.
 */
public class ListMessages {

    private final AccountAccess access;
    private final AccountCounter counter;
    private final MessageLookup messages;
    private final DeviceStore devices;
    private final SyncSettings settings;
    private final Clock clock;

    public ListMessages(AccountAccess access, AccountCounter counter, MessageLookup messages, DeviceStore devices,
                        SyncSettings settings, Clock clock) {
        this.access = access;
        this.counter = counter;
        this.messages = messages;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
    }

    public MessagePage list(Caller caller, AccountId accountId, String folder, Integer limit, String cursor,
                            DeviceId deviceId) {
        access.require(caller, accountId);
        PageRequest request = PageRequest.of(folder, limit, cursor, settings);
        SyncState state = counter.current(accountId).state();
        PageRequest.Page page = request.cut(messages.list(accountId, request.folder(),
                request.after(), request.size() + 1));
        if (deviceId != null) {
            devices.find(accountId, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
            devices.delivered(accountId, deviceId, page.messages().stream().map(StoredMessage::id).toList(),
                    clock.instant());
        }
        return new MessagePage(accountId, state, page.messages(), page.nextCursor());
    }

    public record MessagePage(AccountId accountId, SyncState state, List<StoredMessage> messages, String nextCursor) {
    }
}
