package io.mailsync.sync.config;

import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.MailFolderSettings;
import io.mailsync.sync.application.SyncSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param changeRetention how long {@code /changes} can answer for (DESIGN.md: at least 30 days)
 * @param pruneInterval   how often entries past the retention are removed
 * @param deletedRetention how long a deleted message whose body is stored stays restorable (issue 11)
 * @param deletedPurgeInterval how often bodies of deleted messages past that window are removed
 * @param sentFolder      the Sent folder's name where the server has no SPECIAL-USE {@code \Sent} folder
 * @param draftsFolder    the Drafts folder's name where the server has no SPECIAL-USE {@code \Drafts} folder
 * @param trashFolder     the Trash folder's name where the server has no SPECIAL-USE {@code \Trash} folder
 */
@ConfigurationProperties("mailsync.sync")
public record SyncProperties(
        @DefaultValue("30d") Duration changeRetention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("5000") int maxChanges,
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("14d") Duration deletedRetention,
        @DefaultValue("1h") Duration deletedPurgeInterval,
        @DefaultValue("Sent") String sentFolder,
        @DefaultValue("Drafts") String draftsFolder,
        @DefaultValue("Trash") String trashFolder) {

    MailFolderSettings toMailFolderSettings() {
        return new MailFolderSettings(draftsFolder, trashFolder);
    }

    DeletedMailSettings toDeletedMailSettings() {
        return new DeletedMailSettings(deletedRetention, sentFolder);
    }

    SyncSettings toSettings() {
        return new SyncSettings(changeRetention, maxChanges, defaultPageSize, maxPageSize);
    }
}
