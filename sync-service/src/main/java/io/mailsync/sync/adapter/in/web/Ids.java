package io.mailsync.sync.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.SyncProblems;

/**
 * Path variables and headers made into the typed vocabulary at the door (issue 21, ADR 0012), so the use cases never
 * see a string. An id in the path that cannot be one names nothing: the same 404 as an unknown id, as before the use
 * cases were typed. An {@code X-Device-Id} that cannot be one is bad input: a 400 saying what a device id is.
 */
final class Ids {

    private Ids() {
    }

    static AccountId account(String accountId) {
        try {
            return AccountId.of(accountId);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.noAccount(accountId);
        }
    }

    static DeviceId device(String deviceId) {
        try {
            return DeviceId.of(deviceId);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.unknownDevice(deviceId);
        }
    }

    /** The device a request names in {@code X-Device-Id}, or null where it names none. */
    static DeviceId deviceHeader(String deviceId) {
        if (deviceId == null) {
            return null;
        }
        try {
            return DeviceId.of(deviceId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MessageController.DEVICE + ": " + e.getMessage());
        }
    }
}
