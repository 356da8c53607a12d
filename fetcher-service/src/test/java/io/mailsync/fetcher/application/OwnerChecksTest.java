package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 (P7): a command's owner-epoch read begins as it arrives, beside the wake-up, and still a stale owner never
 * writes (issue 15): only a read begun after the command arrived, and after the session last began to wait, decides.
 */
class OwnerChecksTest {

    private static final AccountId ACCOUNT = AccountId.of("acc-1");

    private final InMemoryOwnerEpochs store = new InMemoryOwnerEpochs();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile CountDownLatch answerAfter = new CountDownLatch(0);
    /** Reads the store, then — like a slow network — answers only once {@link #answerAfter} opens. */
    private final OwnerEpochs epochs = new OwnerEpochs() {
        @Override
        public long take(AccountId accountId, String owner) {
            return store.take(accountId, owner);
        }

        @Override
        public boolean holds(AccountId accountId, long epoch) {
            reads.incrementAndGet();
            boolean holds = store.holds(accountId, epoch);
            try {
                answerAfter.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return holds;
        }
    };
    private final Lease lease = new Lease();

    @Test
    void theReadBeginsWhenTheCommandArrivesAndDecidesWithoutAnotherRoundTrip() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");

        fence.commandArriving();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1); // before the session asks

        fence.checkOwnerForCommand();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aCommandArrivingAfterAnotherFetcherTookTheAccountIsRefusedRightAfterOneThatWentThrough() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        fence.commandArriving();
        fence.checkOwnerForCommand();

        new Fence(ACCOUNT, epochs, lease).take("fetcher-b");
        fence.commandArriving();

        assertThatThrownBy(fence::checkOwnerForCommand)
                .isInstanceOfSatisfying(OwnershipLost.class, lost -> assertThat(lost.epochTaken()).isTrue());
    }

    @Test
    void aReadUnderWayWhenTheCommandArrivedNeverDecidesForIt() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        answerAfter = new CountDownLatch(1);
        fence.commandArriving();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1); // it read "holds" and is on its way

        new Fence(ACCOUNT, epochs, lease).take("fetcher-b");
        fence.commandArriving();
        answerAfter.countDown();

        assertThatThrownBy(fence::checkOwnerForCommand).isInstanceOf(OwnershipLost.class);
        assertThat(reads).as("the read begun before the second command, then one after it").hasValue(2);
    }

    @Test
    void aCommandQueuedBeforeTheSessionBeganToWaitIsDecidedByAReadBegunAfterIt() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        fence.commandArriving(); // while the session was busy syncing: read at once, answered "holds"
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);

        fence.commandsWaitFromNow();
        new Fence(ACCOUNT, epochs, lease).take("fetcher-b");

        assertThatThrownBy(fence::checkOwnerForCommand).isInstanceOf(OwnershipLost.class);
    }

    @Test
    void aBurstOfCommandsCostsTwoReadsNotOnePerCommand() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        answerAfter = new CountDownLatch(1);
        for (int i = 0; i < 100; i++) {
            fence.commandArriving();
        }
        answerAfter.countDown();

        fence.checkOwnerForCommand();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aLapsedLeaseRefusesTheCommandWhateverTheEpochSays() {
        Fence fence = new Fence(ACCOUNT, epochs, lease);
        fence.take("fetcher-a");
        fence.commandArriving();
        lease.renew(Duration.ofMillis(-1));

        assertThatThrownBy(fence::checkOwnerForCommand)
                .isInstanceOfSatisfying(OwnershipLost.class, lost -> assertThat(lost.epochTaken()).isFalse());
    }
}
