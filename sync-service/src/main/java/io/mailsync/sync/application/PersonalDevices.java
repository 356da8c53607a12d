package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.DeviceHolders;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.Device;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each person their own devices on a shared mailbox (issue 23): a device registered in a request belongs to that
 * request's person, and in another person's request it is not found ("not registered on this account", 404) — so one
 * person's {@code X-Device-Id} never records reads, deliveries or acknowledgements on another's device, nor sees when
 * another's devices got or read a message. A device
 * registered before issue 23 has no holder and stays usable as before. Every use case reaches devices through this.
 */
public class PersonalDevices implements DeviceStore {

    private final DeviceStore devices;
    private final DeviceHolders holders;

    public PersonalDevices(DeviceStore devices, DeviceHolders holders) {
        this.devices = devices;
        this.holders = holders;
    }

    @Override
    public void insert(Device device) {
        devices.insert(device);
        Actor.current().ifPresent(actor -> holders.hold(device.accountId(), device.deviceId(),
                actor.person()));
    }

    @Override
    public Optional<Device> find(AccountId accountId, DeviceId deviceId) {
        Optional<Actor> actor = Actor.current();
        return devices.find(accountId, deviceId).filter(device -> mayUse(actor, accountId, deviceId));
    }

    @Override
    public void acknowledge(AccountId accountId, DeviceId deviceId, String state) {
        devices.acknowledge(accountId, deviceId, state);
    }

    @Override
    public void delivered(AccountId accountId, DeviceId deviceId, List<MessageId> messageIds, Instant at) {
        devices.delivered(accountId, deviceId, messageIds, at);
    }

    @Override
    public void read(AccountId accountId, DeviceId deviceId, MessageId messageId, Instant at) {
        devices.read(accountId, deviceId, messageId, at);
    }

    /** A person sees when their own devices got and read a message, not when another person's did. */
    @Override
    public List<DeviceRecord> records(AccountId accountId, MessageId messageId) {
        Optional<Actor> actor = Actor.current();
        return devices.records(accountId, messageId).stream().filter(r -> mayUse(actor, accountId, r.deviceId()))
                .toList();
    }

    private boolean mayUse(Optional<Actor> actor, AccountId accountId, DeviceId deviceId) {
        return actor.isEmpty() || holders.holderOf(accountId, deviceId).map(actor.get().person()::equals).orElse(true);
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        devices.deleteAccount(accountId);
    }
}
