package io.mailsync.support.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;

/**
 * Runs one health check on a virtual thread and gives up after the timeout: a driver that waits 30 s for a server
 * (MongoDB's server selection) must not hold the probe longer than Kubernetes waits for it.
 */
final class BoundedCheck implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration timeout;

    BoundedCheck(Duration timeout) {
        this.timeout = timeout;
    }

    Health run(Callable<Health> check) {
        Future<Health> result = executor.submit(check);
        try {
            return result.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            // the class name only: a driver's message may carry a connection string
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
