package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer's phone, laptop or webmail registered on one account ({@code d-<uuid>} when sync-service registers it);
 * a device names itself with it in {@code X-Device-Id} and it is the {@code id} of a device's {@code Origin}.
 */
public record DeviceId(@JsonValue String value) {

    /** The longest id a device may send, as for an {@link AccountId}. */
    public static final int MAX_LENGTH = 200;

    @JsonCreator
    public DeviceId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a device id is 1 to " + MAX_LENGTH + " characters, not blank");
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
