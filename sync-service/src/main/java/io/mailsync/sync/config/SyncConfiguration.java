package io.mailsync.sync.config;

import io.mailsync.events.EventCodec;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.MailFolderSettings;
import io.mailsync.support.crypto.CredentialKeys;
import io.mailsync.sync.application.SyncSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    SecretCipher secretCipher(CredentialKeys keys) {
        return keys.cipher();
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
