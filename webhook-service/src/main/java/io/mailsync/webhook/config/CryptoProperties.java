package io.mailsync.webhook.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The AES-256 key that seals webhook secrets at rest, as sync-service's seals mailbox passwords. Never logged. */
@ConfigurationProperties("mailsync.crypto")
public record CryptoProperties(String keyId, String key) {

    @Override
    public String toString() {
        return "CryptoProperties[keyId=" + keyId + "]";
    }
}
