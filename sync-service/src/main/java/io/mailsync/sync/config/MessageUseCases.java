package io.mailsync.sync.config;

import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.DiscardDraft;
import io.mailsync.sync.application.FileSentMessage;
import io.mailsync.sync.application.GetChanges;
import io.mailsync.sync.application.GetMessage;
import io.mailsync.sync.application.ListDeletedMessages;
import io.mailsync.sync.application.ListMessages;
import io.mailsync.sync.application.MailFolderSettings;
import io.mailsync.sync.application.MessageChanges;
import io.mailsync.sync.application.PruneChangeLog;
import io.mailsync.sync.application.PurgeDeletedMessages;
import io.mailsync.sync.application.RestoreDeletedMessage;
import io.mailsync.sync.application.SaveDraft;
import io.mailsync.sync.application.SendWriteBack;
import io.mailsync.sync.application.SyncSettings;
import io.mailsync.sync.application.TrashMessage;
import io.mailsync.sync.application.UpdateKeywords;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DeletedMessages;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MessageMoves;
import io.mailsync.sync.application.port.out.MessageParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the use cases on messages a device drives through the API — reading, keywords, changes, sent, drafts,
 * trash, deleted mail — and the jobs that keep their stores bounded.
 */
@Configuration(proxyBeanMethods = false)
class MessageUseCases {

    @Bean
    ListMessages listMessages(AccountAccess access, AccountCounter counter, MessageLookup messages,
                              DeviceStore devices, SyncSettings settings, Clock clock) {
        return new ListMessages(access, counter, messages, devices, settings, clock);
    }

    @Bean
    GetMessage getMessage(AccountAccess access, MessageLookup messages, DeviceStore devices) {
        return new GetMessage(access, messages, devices);
    }

    @Bean
    GetChanges getChanges(AccountAccess access, AccountCounter counter, ChangeLog changeLog, DeviceStore devices,
                          SyncSettings settings, Clock clock) {
        return new GetChanges(access, counter, changeLog, devices, settings, clock);
    }

    @Bean
    SendWriteBack sendWriteBack(KeywordUpdates messages, CommandPublisher commands, Clock clock) {
        // the outbox update after the broker's acknowledgement, on a thread of its own rather than the producer's
        return new SendWriteBack(messages, commands, task -> Thread.ofVirtual().name("write-back-sent").start(task),
                clock);
    }

    @Bean
    UpdateKeywords updateKeywords(AccountAccess access, MessageLookup messages, KeywordUpdates keywords,
                                  DeviceStore devices, AccountCounter counter, MessageChanges changes,
                                  SendWriteBack sendWriteBack, Clock clock) {
        return new UpdateKeywords(access, messages, keywords, devices, counter, changes, sendWriteBack, clock);
    }

    @Bean
    FileSentMessage fileSentMessage(AccountAccess access, MessageLookup messages, MessageFiling filing,
                                    ContentStore content, CommandPublisher commands, MessageChanges changes,
                                    DeletedMailSettings settings, Clock clock, MessageParser parser) {
        return new FileSentMessage(access, messages, filing, content, commands, changes, settings, clock, parser);
    }

    @Bean
    SaveDraft saveDraft(AccountAccess access, MessageLookup messages, MessageFiling filing,
                        MessageDestruction destruction, DraftStore drafts, ContentStore content,
                        CommandPublisher commands, MessageChanges changes, MailFolderSettings folders, Clock clock,
                        MessageParser parser) {
        return new SaveDraft(access, messages, filing, destruction, drafts, content, commands, changes, folders, clock,
                parser);
    }

    @Bean
    TrashMessage trashMessage(AccountAccess access, MessageLookup messages, MessageMoves moves,
                              CommandPublisher commands, MessageChanges changes, MailFolderSettings folders,
                              Clock clock) {
        return new TrashMessage(access, messages, moves, commands, changes, folders, clock);
    }

    @Bean
    DiscardDraft discardDraft(AccountAccess access, DraftStore drafts, TrashMessage trash) {
        return new DiscardDraft(access, drafts, trash);
    }

    @Bean
    ListDeletedMessages listDeletedMessages(AccountAccess access, DeletedMessages deleted,
                                            DeletedMailSettings settings, Clock clock) {
        return new ListDeletedMessages(access, deleted, settings, clock);
    }

    @Bean
    RestoreDeletedMessage restoreDeletedMessage(AccountAccess access, DeletedMessages deleted, ContentStore content,
                                                CommandPublisher commands, MessageChanges changes,
                                                DeletedMailSettings settings, Clock clock) {
        return new RestoreDeletedMessage(access, deleted, content, commands, changes, settings, clock);
    }

    @Bean
    PurgeDeletedMessages purgeDeletedMessages(DeletedMessages deleted, ContentStore content,
                                              DeletedMailSettings settings, Clock clock) {
        return new PurgeDeletedMessages(deleted, content, settings, clock);
    }

    @Bean
    PruneChangeLog pruneChangeLog(ChangeLog changeLog, AccountCounter counter, SyncSettings settings, Clock clock) {
        return new PruneChangeLog(changeLog, counter, settings, clock);
    }
}
