package io.mailsync.fetcher.application;

import io.mailsync.events.MailEvent;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was published; can be told to fail, as a broker that is down would. */
final class RecordingPublisher implements MailEventPublisher {

    final List<MailEvent> published = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public Sent send(List<? extends MailEvent> events) {
        if (down) {
            throw new IllegalStateException("broker down");
        }
        published.addAll(events);
        return () -> { };
    }

    <T extends MailEvent> List<T> of(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        published.clear();
    }
}
