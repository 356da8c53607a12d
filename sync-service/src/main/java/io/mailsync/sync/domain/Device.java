package io.mailsync.sync.domain;

import java.time.Instant;
import java.util.Objects;

/** A customer's phone, laptop or webmail registered on one account; {@code ackState} is the last state it acknowledged. */
public record Device(String deviceId, String accountId, String name, Instant registeredAt, String ackState) {

    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
