package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;

/** One message with its per-device delivery and read records. */
public class GetMessage {

    private final AccountAccess access;
    private final MessageLookup messages;
    private final DeviceStore devices;

    public GetMessage(AccountAccess access, MessageLookup messages, DeviceStore devices) {
        this.access = access;
        this.messages = messages;
        this.devices = devices;
    }

    public Details get(Caller caller, AccountId accountId, String messageId) {
        access.require(caller, accountId);
        StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
        return new Details(message, devices.records(accountId, message.id()));
    }

    public record Details(StoredMessage message, List<DeviceStore.DeviceRecord> devices) {
    }
}
