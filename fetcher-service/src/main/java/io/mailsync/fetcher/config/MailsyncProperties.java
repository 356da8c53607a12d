package io.mailsync.fetcher.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mailsync.crypto.*}, shared by every service (ADR 0001); {@code mailsync.kafka.*} is service-support's (ADR 0011). */
@ConfigurationProperties("mailsync")
public record MailsyncProperties(@DefaultValue Crypto crypto) {

    /** The key that decrypts mailbox passwords; never logged (toString hides it). */
    public record Crypto(String keyId, String key) {
        @Override
        public String toString() {
            return "Crypto[keyId=" + keyId + "]";
        }
    }
}
