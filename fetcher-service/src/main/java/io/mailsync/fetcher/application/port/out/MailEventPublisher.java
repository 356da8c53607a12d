package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.MailEvent;
import java.util.List;

/** Publishes events on mail.events, keyed by account, in order. */
public interface MailEventPublisher {

    /** Returns once every event is acknowledged by the broker; throws if any was not. */
    void publish(List<? extends MailEvent> events);

    default void publish(MailEvent event) {
        publish(List.of(event));
    }
}
