package io.mailsync.sync.domain;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import java.time.Instant;
import java.util.Objects;

/** A customer's phone, laptop or webmail registered on one account; {@code ackState} is the last state it acknowledged. */
public record Device(DeviceId deviceId, AccountId accountId, String name, Instant registeredAt, String ackState) {

    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
