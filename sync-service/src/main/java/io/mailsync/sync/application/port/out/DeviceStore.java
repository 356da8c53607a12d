package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.Device;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices and, per device, which messages were delivered to it and which it read. */
public interface DeviceStore {

    void insert(Device device);

    Optional<Device> find(AccountId accountId, DeviceId deviceId);

    void acknowledge(AccountId accountId, DeviceId deviceId, String state);

    void delivered(AccountId accountId, DeviceId deviceId, List<MessageId> messageIds, Instant at);

    void read(AccountId accountId, DeviceId deviceId, MessageId messageId, Instant at);

    List<DeviceRecord> records(AccountId accountId, MessageId messageId);

    void deleteAccount(AccountId accountId);

    record DeviceRecord(DeviceId deviceId, Instant deliveredAt, Instant readAt) {
    }
}
