package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.MailEvent;
import java.util.List;

/** Publishes events on mail.events, keyed by account, in order. */
public interface MailEventPublisher {

    /**
     * Hands the events to the broker in order and returns at once, so that a caller can read the next batch while
     * these travel (issue 18: an import waited for every batch's acknowledgements before its next FETCH).
     * Nothing that depends on the events — a cursor, an index — may move before {@link Sent#await()} returned.
     */
    Sent send(List<? extends MailEvent> events);

    /** Returns once every event is acknowledged by the broker; throws if any was not. */
    default void publish(List<? extends MailEvent> events) {
        send(events).await();
    }

    default void publish(MailEvent event) {
        publish(List.of(event));
    }

    /** Events on their way to the broker. */
    @FunctionalInterface
    interface Sent {

        /** Returns once every event is acknowledged by the broker; throws if any was not. */
        void await();
    }
}
