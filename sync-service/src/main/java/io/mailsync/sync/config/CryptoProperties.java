package io.mailsync.sync.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AES-256 key that encrypts mailbox passwords (ADR 0001), and during a rotation the previous keys by id, which
 * still decrypt; on start every password under one of them is re-encrypted with the current key (issue 22,
 * deploy/README). Never logged.
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
