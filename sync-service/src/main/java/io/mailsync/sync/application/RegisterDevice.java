package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.Device;
import java.time.Clock;
import java.util.UUID;

/** Registers a device (phone, laptop, webmail) on an account and hands back its id. */
public class RegisterDevice {

    private final AccountAccess access;
    private final DeviceStore devices;
    private final Clock clock;

    public RegisterDevice(AccountAccess access, DeviceStore devices, Clock clock) {
        this.access = access;
        this.devices = devices;
        this.clock = clock;
    }

    public Device register(Caller caller, AccountId accountId, String name) {
        access.require(caller, accountId);
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw new IllegalArgumentException("name is 1 to 200 characters");
        }
        Device device = new Device(DeviceId.of("d-" + UUID.randomUUID()), accountId, name, clock.instant(), null);
        devices.insert(device);
        return device;
    }
}
