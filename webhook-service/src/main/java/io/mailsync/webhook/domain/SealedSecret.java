package io.mailsync.webhook.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A signing secret as stored: encrypted ({@code SecretCipher}, bound to the subscription id), and, once a newer one
 * replaced it, the instant it stops signing (the rotation grace period, ADR 0013).
 */
public record SealedSecret(String encrypted, Instant retiresAt) {

    public SealedSecret {
        Objects.requireNonNull(encrypted, "encrypted");
    }

    public boolean signsAt(Instant now) {
        return retiresAt == null || now.isBefore(retiresAt);
    }

    @Override
    public String toString() {
        return "SealedSecret[retiresAt=" + retiresAt + "]";
    }
}
