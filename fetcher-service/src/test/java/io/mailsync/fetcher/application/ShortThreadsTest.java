package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.AccountStatusChanged.Status;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A session's work on a short thread behaves for the session as if its own thread had done it. */
class ShortThreadsTest {

    private final Ends ends = new Ends();

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void theWorkRunsElsewhereWithTheSessionsLogContextAndName() {
        MDC.put("accountId", "acc-1");
        Thread session = Thread.currentThread();

        String seen = ShortThreads.call(ends, () -> {
            assertThat(Thread.currentThread()).isNotSameAs(session);
            assertThat(Thread.currentThread().getName()).isEqualTo(session.getName());
            return MDC.get("accountId");
        });

        assertThat(seen).isEqualTo("acc-1");
        assertThat(ends.onWorker.get()).as("command spans ended where they began").isEqualTo(1);
    }

    @Test
    void theWorksFailureReachesTheSessionAsItWas() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> ShortThreads.run(ends, () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(ends.onWorker.get()).isEqualTo(1);
    }

    @Test
    void aStopsInterruptReachesTheWorkAndTheSessionStaysInterrupted() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean workInterrupted = new AtomicBoolean();
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicBoolean sessionInterrupted = new AtomicBoolean();
        Thread session = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(ShortThreads.call(ends, () -> {
                    working.countDown();
                    try {
                        Thread.sleep(Duration.ofSeconds(30));
                        return "slept";
                    } catch (InterruptedException e) {
                        workInterrupted.set(true);
                        throw new IllegalStateException("stopped mid-work");
                    }
                }));
            } catch (IllegalStateException e) {
                outcome.set(e.getMessage());
            }
            sessionInterrupted.set(Thread.currentThread().isInterrupted());
        });
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();

        session.interrupt();

        assertThat(session.join(Duration.ofSeconds(5))).isTrue();
        assertThat(workInterrupted).isTrue();
        assertThat(outcome.get()).as("the work's own outcome").isEqualTo("stopped mid-work");
        assertThat(sessionInterrupted).as("the session still sees its stop").isTrue();
    }

    /** Counts where spans were ended: on a thread other than the test's. */
    private static final class Ends implements SessionControl {
        final AtomicInteger onWorker = new AtomicInteger();
        private final Thread creator = Thread.currentThread();

        @Override
        public void endApplying() {
            if (Thread.currentThread() != creator) {
                onWorker.incrementAndGet();
            }
        }

        @Override
        public boolean running() {
            return true;
        }

        @Override
        public void holding(AutoCloseable connection) {
        }

        @Override
        public void connected() {
        }

        @Override
        public void status(Status status) {
        }

        @Override
        public PendingCommand nextCommand() {
            return null;
        }

        @Override
        public void retryFirst(PendingCommand command) {
        }

        @Override
        public void pause(Duration duration) {
        }

        @Override
        public void onCommand(Runnable wakeUp) {
        }
    }
}
