package io.mailsync.sync.config;

import io.mailsync.events.EventCodec;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.MailFolderSettings;
import io.mailsync.sync.application.SyncSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CryptoProperties.class, SyncProperties.class})
class SyncConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    SecretCipher secretCipher(CryptoProperties crypto) {
        if (crypto.keyId() == null || crypto.key() == null) {
            throw new IllegalStateException("mailsync.crypto.key-id and mailsync.crypto.key must be set"
                    + " (the key is 32 random bytes, base64: openssl rand -base64 32)");
        }
        return new SecretCipher(crypto.keyId(), crypto.key(), crypto.previousKeys());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MailFolderSettings mailFolderSettings(SyncProperties properties) {
        return properties.toMailFolderSettings();
    }

    @Bean
    DeletedMailSettings deletedMailSettings(SyncProperties properties) {
        return properties.toDeletedMailSettings();
    }

    @Bean
    SyncSettings syncSettings(SyncProperties properties) {
        return properties.toSettings();
    }
}
