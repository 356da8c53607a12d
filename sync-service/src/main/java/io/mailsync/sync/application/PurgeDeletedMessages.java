package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DeletedMessages;
import io.mailsync.sync.domain.DeletedMessage;
import java.time.Clock;
import java.util.List;

/**
 * Removes the bodies of deleted messages past the recovery window from the content store (ADR 0002: a scheduled
 * job of the reference's owner, not a TTL index alone). The message document stays destroyed, so {@code /restore}
 * answers 410 instead of 404.
 */
public class PurgeDeletedMessages {

    private static final int BATCH = 200;

    private final DeletedMessages deleted;
    private final ContentStore content;
    private final DeletedMailSettings settings;
    private final Clock clock;

    public PurgeDeletedMessages(DeletedMessages deleted, ContentStore content, DeletedMailSettings settings,
                                Clock clock) {
        this.deleted = deleted;
        this.content = content;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many bodies were removed. */
    public int purge() {
        int purged = 0;
        List<DeletedMessage> batch;
        do {
            batch = deleted.expiredBefore(clock.instant().minus(settings.window()), BATCH);
            for (DeletedMessage expired : batch) {
                // body first: a crash in between leaves a reference to nothing, which /restore already answers 410
                content.delete(expired.message().contentRef());
                deleted.bodyPurged(expired.message().accountId(), expired.message().id());
                purged++;
            }
        } while (batch.size() == BATCH);
        return purged;
    }
}
