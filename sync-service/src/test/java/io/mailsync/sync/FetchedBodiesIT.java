package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.support.content.GridFsBlobStore;
import io.mailsync.sync.application.PurgeFetchedBodies;
import io.mailsync.sync.application.port.out.FetchedBodies;
import io.mailsync.sync.domain.FetchedBody;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20: a body fetched on demand is kept once per message (two replicas fetching it at once keep the first) and
 * leaves the content store when its keeping ends, not before (ADR 0002: the reference's owner removes it).
 */
class FetchedBodiesIT extends SyncIntegrationTest {

    private static final GridFsBlobStore BLOBS = new GridFsBlobStore(CONTENT_URI);

    @Autowired
    FetchedBodies fetched;
    @Autowired
    PurgeFetchedBodies purge;
    @Autowired
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void closeBlobs() {
        BLOBS.close();
    }

    @Test
    void aBodyIsKeptOncePerMessageAndRemovedOnlyAfterItsKeeping() {
        AccountId account = AccountId.of("a-" + UUID.randomUUID());
        MessageId message = MessageId.of("m" + UUID.randomUUID().toString().replace("-", ""));
        String first = BLOBS.put("f.eml", "first".getBytes(StandardCharsets.UTF_8), Map.of());
        String second = BLOBS.put("s.eml", "second".getBytes(StandardCharsets.UTF_8), Map.of());
        FetchedBody kept = fetched.keep(new FetchedBody(account, message, first, 5, clock.instant()
                .plus(Duration.ofHours(1))));

        FetchedBody racing = new FetchedBody(account, message, second, 6, clock.instant().plus(Duration.ofHours(1)));
        // MongoDB keeps milliseconds: the kept body is told by its reference
        assertThat(fetched.keep(racing).contentRef())
                .as("a second fetch of the same message finds the first kept").isEqualTo(kept.contentRef());
        purge.purge();
        assertThat(BLOBS.open(first)).as("still kept").isPresent();
        assertThat(fetched.find(account, message)).map(FetchedBody::contentRef).contains(first);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(purge.purge()).isPositive();

        assertThat(fetched.find(account, message)).isEmpty();
        assertThat(BLOBS.open(first)).as("the body left the content store").isEmpty();
    }
}
