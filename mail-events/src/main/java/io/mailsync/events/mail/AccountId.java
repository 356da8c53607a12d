package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A mail account mailsync syncs ({@code a-<uuid>} when sync-service registers it); opaque everywhere else. */
public record AccountId(@JsonValue String value) {

    /** The longest id a caller may send; the HTTP doors refuse longer ones with a 400. */
    public static final int MAX_LENGTH = 200;

    @JsonCreator
    public AccountId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an account id is 1 to " + MAX_LENGTH + " characters, not blank");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
