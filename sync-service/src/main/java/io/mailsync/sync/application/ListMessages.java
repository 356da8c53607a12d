package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.util.List;

/**
 * A stable page of an account's messages, newest first, with the state it reflects. The state is read before the
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
        int size = limit == null ? settings.defaultPageSize() : limit;
        if (size < 1 || size > settings.maxPageSize()) {
            throw new IllegalArgumentException("limit is 1 to " + settings.maxPageSize());
        }
        if (folder != null && (folder.isBlank() || folder.length() > 255)) {
            throw new IllegalArgumentException("folder is 1 to 255 characters");
        }
        Long before = cursor == null ? null : parseCursor(cursor);
        SyncState state = counter.current(accountId).state();
        List<StoredMessage> page = messages.list(accountId, folder,
                before == null ? null : ModSeq.of(before), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = "c" + page.get(size - 1).createdModseq();
        }
        if (deviceId != null) {
            devices.find(accountId, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
            devices.delivered(accountId, deviceId, page.stream().map(m -> m.id()).toList(),
                    clock.instant());
        }
        return new MessagePage(accountId, state, List.copyOf(page), next);
    }

    private static long parseCursor(String cursor) {
        if (!cursor.matches("c\\d{1,18}")) {
            throw new IllegalArgumentException("cursor is the nextCursor of a previous page");
        }
        return Long.parseLong(cursor.substring(1));
    }

    public record MessagePage(AccountId accountId, SyncState state, List<StoredMessage> messages, String nextCursor) {
    }
}
