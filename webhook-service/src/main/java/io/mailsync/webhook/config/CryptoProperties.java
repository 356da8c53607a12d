package io.mailsync.webhook.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AES-256 key that seals webhook secrets at rest, as sync-service's seals mailbox passwords, and the previous keys
 * by id ({@code previous-keys.<id>}) that still open secrets sealed before a rotation (ADR 0014). Never logged.
 */
@ConfigurationProperties("mailsync.crypto")
public record CryptoProperties(String keyId, String key, Map<String, String> previousKeys) {

    public CryptoProperties {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }

    @Override
    public String toString() {
        return "CryptoProperties[keyId=" + keyId + ", previousKeyIds=" + previousKeys.keySet() + "]";
    }
}
