package io.mailsync.gateway.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.PushHub;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's event stream. State changes coalesce: while a write is in flight only the newest state waits, so a
 * slow client gets fewer events, never stale ones, and never holds up the Kafka listener that feeds the hub. A
 * resuming stream is held while its missed changes are replayed ({@link #replayed}), so a live event never overtakes
 * them (the client's {@code Last-Event-ID} only moves forward).
 */
final class PushStream implements PushHub.Subscriber {

    private final AccountId accountId;
    private final SseEmitter emitter;
    private final Executor writer;
    private final AtomicReference<String> pending = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean held;
    private volatile Runnable onClose = () -> { };

    PushStream(AccountId accountId, SseEmitter emitter, Executor writer) {
        this.accountId = accountId;
        this.emitter = emitter;
        this.writer = writer;
    }

    void onClose(Runnable onClose) {
        this.onClose = onClose;
    }

    @Override
    public void stateAdvanced(String state) {
        pending.set(state);
        drain();
    }

    /** Live events wait (only the newest) until {@link #replayed} or {@link #resync} releases them. */
    void hold() {
        held = true;
    }

    /** Sends what the client missed, each page an event it can resume from, then lets live events through. */
    void replayed(List<MissedChanges.Page> pages) {
        pages.forEach(page -> send(SseEmitter.event().name("changes").id(page.newState()).data(page.json())));
        if (!pages.isEmpty()) {
            pending.compareAndSet(pages.getLast().newState(), null); // already told
        }
        release();
    }

    /**
     * The client's state cannot be caught up from: it fetches afresh. No id, so a reconnect before it has done so
     * asks again with its old one and hears {@code resync} again.
     */
    void resync(String reason) {
        send(SseEmitter.event().name("resync")
                .data("{\"accountId\":\"" + json(accountId.value()) + "\",\"reason\":\"" + json(reason) + "\"}"));
        release();
    }

    /** The person's access was revoked (issue 23): one {@code revoked} event, then the stream ends. */
    @Override
    public void cutOff() {
        writer.execute(() -> {
            send(SseEmitter.event().name("revoked").data("{\"accountId\":\"" + json(accountId.value()) + "\"}"));
            close();
        });
    }

    void release() {
        held = false;
        drain();
    }

    private void drain() {
        if (held || closed.get() || !writing.compareAndSet(false, true)) {
            return;
        }
        writer.execute(() -> {
            try {
                String state;
                while ((state = pending.getAndSet(null)) != null) {
                    // data-free (JMAP push): the state is the event id; the client asks /changes?since=<its last>.
                    // An event without a data line is never dispatched by EventSource, so data repeats the state.
                    send(SseEmitter.event().name("state").id(state)
                            .data("{\"accountId\":\"" + json(accountId.value()) + "\",\"state\":\"" + json(state) + "\"}"));
                }
            } finally {
                writing.set(false);
                if (pending.get() != null) {
                    drain();
                }
            }
        });
    }

    void opened() {
        send(SseEmitter.event().comment("connected").reconnectTime(3000));
    }

    void ping() {
        send(SseEmitter.event().comment("ping"));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            close(); // the client went away
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
        }
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
