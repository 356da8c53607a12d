package io.mailsync.sync.application.fake;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.Device;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryDeviceStore implements DeviceStore {

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, DeviceRecord> records = new LinkedHashMap<>(); // deviceId|messageId

    @Override
    public synchronized void insert(Device device) {
        devices.put(device.deviceId().value(), device);
    }

    @Override
    public synchronized Optional<Device> find(AccountId accountId, DeviceId deviceId) {
        return Optional.ofNullable(devices.get(deviceId.value())).filter(d -> d.accountId().equals(accountId));
    }

    @Override
    public synchronized void acknowledge(AccountId accountId, DeviceId deviceId, String state) {
        Device d = devices.get(deviceId.value());
        devices.put(d.deviceId().value(), new Device(d.deviceId(), d.accountId(), d.name(), d.registeredAt(), state));
    }

    @Override
    public synchronized void delivered(AccountId accountId, DeviceId deviceId, List<MessageId> messageIds, Instant at) {
        messageIds.forEach(id -> records.merge(deviceId + "|" + id.value(), new DeviceRecord(deviceId, at,
                null),
                (old, now) -> old));
    }

    @Override
    public synchronized void read(AccountId accountId, DeviceId deviceId, MessageId messageId, Instant at) {
        records.merge(deviceId + "|" + messageId.value(), new DeviceRecord(deviceId, at, at), (old, now) ->
                new DeviceRecord(deviceId, old.deliveredAt(), old.readAt() == null ? at : old.readAt()));
    }

    @Override
    public synchronized List<DeviceRecord> records(AccountId accountId, MessageId messageId) {
        List<DeviceRecord> out = new ArrayList<>();
        records.forEach((key, r) -> {
            if (key.endsWith("|" + messageId.value()) && find(accountId, r.deviceId()).isPresent()) {
                out.add(r);
            }
        });
        return out;
    }

    @Override
    public synchronized void deleteAccount(AccountId accountId) {
        devices.values().removeIf(d -> d.accountId().equals(accountId));
    }
}
