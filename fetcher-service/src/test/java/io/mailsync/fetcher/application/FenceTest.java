package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 15: a session's events carry its owner epoch; a stale owner's cursor writes are refused. */
class FenceTest {

    private static final AccountId ACCOUNT = AccountId.of("acc-1");

    private final InMemoryOwnerEpochs epochs = new InMemoryOwnerEpochs();
    private final InMemoryCursorStore cursors = new InMemoryCursorStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Lease lease = new Lease();

    @Test
    void eventsCarryTheEpochAndWritesGoThroughWhileItIsTheNewest() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        long epoch = fence.take("fetcher-a");

        fence.guard(publisher, true).publish(expunged());
        fence.guard(cursors).save(ACCOUNT, FolderCursor.fresh("INBOX", new UidValidity(7)));

        assertThat(publisher.published).singleElement().satisfies(e -> assertThat(e.ownerEpoch()).isEqualTo(epoch));
        assertThat(cursors.load(ACCOUNT, "INBOX")).isPresent();
    }

    @Test
    void onceAnotherSessionTookTheAccountItsWritesAreRefusedAndTheStoreIsUntouched() {
        Fence stale = new Fence(ACCOUNT, epochs, lease);
        stale.take("fetcher-a");
        new Fence(ACCOUNT, epochs, lease).take("fetcher-b");
        CursorStore guarded = stale.guard(cursors);

        assertThatThrownBy(() -> guarded.save(ACCOUNT, FolderCursor.fresh("INBOX", new UidValidity(7))))
                .isInstanceOfSatisfying(OwnershipLost.class, lost -> assertThat(lost.epochTaken()).isTrue());
        assertThat(cursors.load(ACCOUNT, "INBOX")).isEmpty();
    }

    @Test
    void aLapsedLeaseStopsPublishingAndWritingButStatusesStillGoOutStamped() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        lease.renew(Duration.ofMillis(-1));

        assertThatThrownBy(() -> fence.guard(publisher, true).publish(expunged()))
                .isInstanceOfSatisfying(OwnershipLost.class, lost -> assertThat(lost.epochTaken()).isFalse());
        assertThatThrownBy(() -> fence.guard(cursors).save(ACCOUNT, FolderCursor.fresh("INBOX", new UidValidity(7))))
                .isInstanceOf(OwnershipLost.class);
        fence.guard(publisher, false).publish(expunged()); // a status: downstream drops it if the epoch is stale
        assertThat(publisher.published).singleElement().satisfies(e -> assertThat(e.ownerEpoch()).isNotNull());
    }

    private static MessageExpunged expunged() {
        return new MessageExpunged(UUID.randomUUID(), Instant.now(), AccountId.of("acc-1"), Origin.server(),
                MessageLocator.imap("INBOX", 7, 1));
    }
}
