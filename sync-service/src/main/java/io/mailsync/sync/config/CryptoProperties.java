package io.mailsync.sync.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The AES-256 key that encrypts mailbox passwords (ADR 0001). Never logged. */
@ConfigurationProperties("mailsync.crypto")
public record CryptoProperties(String keyId, String key) {

    @Override
    public String toString() {
        return "CryptoProperties[keyId=" + keyId + "]";
    }
}
