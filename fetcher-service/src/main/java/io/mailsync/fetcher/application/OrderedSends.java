package io.mailsync.fetcher.application;

import io.mailsync.events.MailEvent;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * An import's batches handed to the broker in order, each after the one before, on threads of their own: encoding
 * and handing over cost the session's thread as much as reading did (issue 18, P2), so it reads the next batch
 * meanwhile. A batch that fails to go out fails every one after it; {@link #taken()} reports the first failure.
 */
final class OrderedSends {

    private static final Executor SENDING = Executors.newVirtualThreadPerTaskExecutor();

    private final MailEventPublisher publisher;
    private final List<CompletableFuture<MailEventPublisher.Sent>> unsettled = new ArrayList<>();
    private CompletableFuture<MailEventPublisher.Sent> last = CompletableFuture.completedFuture(() -> { });

    OrderedSends(MailEventPublisher publisher) {
        this.publisher = publisher;
    }

    void send(List<? extends MailEvent> events) {
        last = last.thenApplyAsync(before -> publisher.send(events), SENDING);
        unsettled.add(last);
    }

    /** Everything sent since the last call, to be awaited before anything that depends on it moves. */
    MailEventPublisher.Sent taken() {
        List<CompletableFuture<MailEventPublisher.Sent>> taken = List.copyOf(unsettled);
        unsettled.clear();
        return () -> taken.forEach(sent -> handedOver(sent).await());
    }

    private static MailEventPublisher.Sent handedOver(CompletableFuture<MailEventPublisher.Sent> sent) {
        try {
            return sent.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // OwnershipLost (the lease) and the broker's failures as the session knows them
            }
            throw e;
        }
    }
}
