package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.FetchedBodies;
import io.mailsync.sync.domain.FetchedBody;
import java.time.Clock;
import java.util.List;

/**
 * Removes bodies fetched on demand once their keeping ended (issue 20, {@link BodySettings#keepFor()}): a scheduled job
 * of the reference's owner (ADR 0002), body first — a crash in between leaves a record whose body is gone, which
 * the next read treats as not kept and fetches again.
 */
public class PurgeFetchedBodies {

    private static final int BATCH = 200;

    private final FetchedBodies fetched;
    private final ContentStore content;
    private final Clock clock;

    public PurgeFetchedBodies(FetchedBodies fetched, ContentStore content, Clock clock) {
        this.fetched = fetched;
        this.content = content;
        this.clock = clock;
    }

    /** Returns how many bodies were removed. */
    public int purge() {
        int purged = 0;
        List<FetchedBody> batch;
        do {
            batch = fetched.expiredBefore(clock.instant(), BATCH);
            for (FetchedBody expired : batch) {
                content.delete(expired.contentRef());
                fetched.forget(expired);
                purged++;
            }
        } while (batch.size() == BATCH);
        return purged;
    }
}
