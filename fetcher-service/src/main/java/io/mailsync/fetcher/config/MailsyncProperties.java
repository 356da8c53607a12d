package io.mailsync.fetcher.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mailsync.crypto.*}, shared by every service (ADR 0001); {@code mailsync.kafka.*} is service-support's (ADR 0011). */
@ConfigurationProperties("mailsync")
public record MailsyncProperties(@DefaultValue Crypto crypto) {

    /**
     * The key that decrypts mailbox passwords, and during a rotation the previous ones by id, which still decrypt
     * (issue 22); never logged (toString hides them).
     */
    public record Crypto(String keyId, String key, Map<String, String> previousKeys) {
        public Crypto {
            previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
        }

        @Override
        public String toString() {
            return "Crypto[keyId=" + keyId + ", previousKeyIds=" + previousKeys.keySet() + "]";
        }
    }
}
