package io.mailsync.sync.application.port.out;

import io.mailsync.sync.domain.Device;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices and, per device, which messages were delivered to it and which it read. */
public interface DeviceStore {

    void insert(Device device);

    Optional<Device> find(String accountId, String deviceId);

    void acknowledge(String accountId, String deviceId, String state);

    void delivered(String accountId, String deviceId, List<String> messageIds, Instant at);

    void read(String accountId, String deviceId, String messageId, Instant at);

    List<DeviceRecord> records(String accountId, String messageId);

    void deleteAccount(String accountId);

    record DeviceRecord(String deviceId, Instant deliveredAt, Instant readAt) {
    }
}
