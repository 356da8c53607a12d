package io.mailsync.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.gateway.application.settings.RequestLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How long a request over its limit waits for its turn or is held before its 429, and that holding is bounded
 * (issue 16, R17).
 */
class OverLimitHoldTest {

    private static final long MS = 1_000_000L;

    @Test
    void aRefusalWaitsUntilATokenIsBackButNoLongerThanTheMaximum() throws Exception {
        OverLimitHold hold = new OverLimitHold(new RequestLimits.OverLimit(Duration.ofMillis(300), 4, 10));

        long start = System.nanoTime();
        assertThat(hold.hold("c", 100 * MS)).isEqualTo(100 * MS);
        assertThat(System.nanoTime() - start).as("held until the token is back").isBetween(100 * MS, 290 * MS);

        start = System.nanoTime();
        assertThat(hold.hold("c", 60_000 * MS)).isEqualTo(300 * MS);
        assertThat(System.nanoTime() - start).as("a minute away: held the maximum only").isBetween(300 * MS,
                2_000 * MS);
    }

    @Test
    void aRequestWaitsForATokenDueWithinTheMaximumAndIsNotGivenOneFurtherAway() throws Exception {
        OverLimitHold hold = new OverLimitHold(new RequestLimits.OverLimit(Duration.ofMillis(300), 4, 10));
        List<Long> asked = new ArrayList<>();

        long start = System.nanoTime();
        assertThat(hold.waitForTurn("c", maxWait -> {
            asked.add(maxWait);
            return 100 * MS;
        })).isEqualTo(100 * MS);
        assertThat(System.nanoTime() - start).as("waited until the reserved token was due").isGreaterThanOrEqualTo(
                100 * MS);
        assertThat(asked).as("a token reserved at most the maximum ahead").containsExactly(300 * MS);

        start = System.nanoTime();
        assertThat(hold.waitForTurn("c", maxWait -> -1)).as("none due in time").isEqualTo(-1);
        assertThat(System.nanoTime() - start).isLessThan(100 * MS);
        assertThat(new OverLimitHold(new RequestLimits.OverLimit(Duration.ZERO, 4, 10)).waitForTurn("c", maxWait -> {
            throw new AssertionError("nothing is reserved when nothing may wait");
        })).isEqualTo(-1);
    }

    @Test
    void aCustomerWithAllItsPlacesTakenReservesNothing() throws Exception {
        OverLimitHold hold = new OverLimitHold(new RequestLimits.OverLimit(Duration.ofSeconds(2), 1, 10));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Long> first = threads.submit(() -> hold.waitForTurn("noisy", maxWait -> {
                waiting.countDown();
                return 500 * MS;
            }));
            waiting.await();
            assertThat(hold.waitForTurn("noisy", maxWait -> {
                throw new AssertionError("its one place is taken: no token may be reserved for it");
            })).isEqualTo(-1);
            assertThat(hold.waitForTurn("other", maxWait -> 0)).as("another customer has room").isZero();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(500 * MS);
        }
    }

    @Test
    void nothingIsHeldWhenTheMaximumIsZeroOrThereIsNothingToWaitFor() throws Exception {
        assertThat(new OverLimitHold(new RequestLimits.OverLimit(Duration.ZERO, 4, 10)).hold("c", 500 * MS))
                .isZero();
        assertThat(new OverLimitHold(new RequestLimits.OverLimit(Duration.ofSeconds(1), 4, 10)).hold("c", 0))
                .isZero();
    }

    @Test
    void oneCustomerHoldsAtMostItsShareAndAllCustomersAtMostTheTotal() throws Exception {
        OverLimitHold hold = new OverLimitHold(new RequestLimits.OverLimit(Duration.ofSeconds(2), 2, 3));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch started = new CountDownLatch(3);
            List<Future<Long>> held = new ArrayList<>();
            for (String customer : List.of("noisy", "noisy", "other")) {
                held.add(threads.submit(() -> {
                    started.countDown();
                    return hold.hold(customer, 2_000 * MS);
                }));
            }
            started.await();
            Thread.sleep(200); // the three are asleep in their holds

            long start = System.nanoTime();
            assertThat(hold.hold("noisy", 2_000 * MS)).as("the noisy customer's third: no room, refused at once")
                    .isZero();
            assertThat(hold.hold("quiet", 2_000 * MS)).as("a fourth customer: the replica's total is reached")
                    .isZero();
            assertThat(System.nanoTime() - start).isLessThan(100 * MS);
            for (Future<Long> f : held) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(2_000 * MS);
            }
        }
        long start = System.nanoTime();
        assertThat(hold.hold("noisy", 50 * MS)).as("room again once they are answered").isEqualTo(50 * MS);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50 * MS);
    }
}
