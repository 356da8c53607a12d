package io.mailsync.support.crypto;

import io.mailsync.events.crypto.SecretCipher;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailsync.crypto.*}: the AES-256 key that seals secrets at rest (mailbox passwords, mail-host credentials,
 * refresh tokens, webhook secrets) and, during a rotation, the previous keys by id ({@code previous-keys.<id>}) that
 * still open what was sealed before it (ADR 0014). Read alike by every service that holds secrets; never logged
 * ({@link #toString()} names the key ids only).
 */
@ConfigurationProperties("mailsync.crypto")
public record CredentialKeys(String keyId, String key, Map<String, String> previousKeys) {

    public CredentialKeys {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }

    /** The cipher of these keys; a service that holds secrets does not start without a current key. */
    public SecretCipher cipher() {
        if (keyId == null || key == null) {
            throw new IllegalStateException("mailsync.crypto.key-id and mailsync.crypto.key must be set"
                    + " (the key is 32 random bytes, base64: openssl rand -base64 32)");
        }
        return new SecretCipher(keyId, key, previousKeys);
    }

    @Override
    public String toString() {
        return "CredentialKeys[keyId=" + keyId + ", previousKeyIds=" + previousKeys.keySet() + "]";
    }
}
