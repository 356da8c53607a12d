package io.mailsync.sync.config;

import io.mailsync.sync.application.SyncSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param changeRetention how long {@code /changes} can answer for (DESIGN.md: at least 30 days)
 * @param pruneInterval   how often entries past the retention are removed
 */
@ConfigurationProperties("mailsync.sync")
public record SyncProperties(
        @DefaultValue("30d") Duration changeRetention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("5000") int maxChanges,
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("500") int maxPageSize) {

    SyncSettings toSettings() {
        return new SyncSettings(changeRetention, maxChanges, defaultPageSize, maxPageSize);
    }
}
