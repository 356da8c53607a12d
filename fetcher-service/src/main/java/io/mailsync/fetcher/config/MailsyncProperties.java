package io.mailsync.fetcher.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mailsync.kafka.*} and {@code mailsync.crypto.*}, shared by every service (ADR 0001). */
@ConfigurationProperties("mailsync")
public record MailsyncProperties(@DefaultValue Kafka kafka, @DefaultValue Crypto crypto) {

    public record Kafka(@DefaultValue("") String namespace, @DefaultValue("") String groupSuffix) {
    }

    /** The key that decrypts mailbox passwords; never logged (toString hides it). */
    public record Crypto(String keyId, String key) {
        @Override
        public String toString() {
            return "Crypto[keyId=" + keyId + "]";
        }
    }
}
