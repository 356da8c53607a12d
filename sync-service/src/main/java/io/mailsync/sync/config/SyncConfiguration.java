package io.mailsync.sync.config;

import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.MailFolderSettings;
import io.mailsync.sync.application.SyncSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

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
