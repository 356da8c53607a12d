package io.mailsync.webhook.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.webhook.domain.SealedSecret;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Signing secrets: 32 random bytes, sealed at rest with the same AES-GCM cipher as mailbox passwords, bound to the
 * subscription id so a sealed secret cannot be moved to another subscription. The cipher knows the current key and
 * the previous ones (by key id): the current one seals, any opens, and {@link ReEncryptSubscriptionSecrets} reseals.
 */
public final class SubscriptionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretCipher cipher;

    public SubscriptionSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A fresh secret in plain text, {@code whsec_} and 43 base64url characters. */
    String generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    SealedSecret seal(SubscriptionId id, String secret) {
        return new SealedSecret(cipher.encrypt(id.value(), secret), null);
    }

    /** Whether any of the subscription's secrets is sealed with a previous key (a key rotation, ADR 0014). */
    boolean sealedWithAPreviousKey(Subscription subscription) {
        return subscription.secrets().stream().anyMatch(s -> cipher.needsReEncryption(s.encrypted()));
    }

    /**
     * The subscription's secrets sealed again with the current key, each with its retirement unchanged.
     *
     * @throws SecretCipher.UndecryptableSecretException when one is under a key that is not configured
     */
    List<SealedSecret> resealed(Subscription subscription) {
        String id = subscription.id().value();
        return subscription.secrets().stream().map(s -> !cipher.needsReEncryption(s.encrypted()) ? s
                : new SealedSecret(cipher.encrypt(id, cipher.decrypt(id, s.encrypted())), s.retiresAt())).toList();
    }

    /** The secrets that sign at {@code now}, in plain text, current first. */
    List<String> signing(Subscription subscription, Instant now) {
        return subscription.signingAt(now).stream()
                .map(s -> cipher.decrypt(subscription.id().value(), s.encrypted())).toList();
    }
}
