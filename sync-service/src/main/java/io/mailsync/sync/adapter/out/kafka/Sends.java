package io.mailsync.sync.adapter.out.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;

/** Waits for the broker's acknowledgement: a record the caller relies on is only "sent" once it is durable. */
final class Sends {

    private static final long TIMEOUT_SECONDS = 15;

    private Sends() {
    }

    static void await(CompletableFuture<?> send) {
        try {
            send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("the broker did not acknowledge the record", e);
        }
    }
}
