package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.Device;

/** A device's registration and the state it last acknowledged (the {@code since} of its last {@code /changes}). */
public class GetDevice {

    private final AccountAccess access;
    private final DeviceStore devices;

    public GetDevice(AccountAccess access, DeviceStore devices) {
        this.access = access;
        this.devices = devices;
    }

    public Device get(Caller caller, AccountId accountId, DeviceId deviceId) {
        access.require(caller, accountId);
        return devices.find(accountId, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
    }
}
