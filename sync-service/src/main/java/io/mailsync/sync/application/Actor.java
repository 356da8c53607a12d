package io.mailsync.sync.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is making the current request's changes: the person (a token's {@code sub}) and the device they named
 * ({@code X-Device-Id}, may be null). Bound for one request by the web adapter, so every change the request makes is
 * logged with them (issue 23: the owner's audit trail) without every use case passing them along; a change made
 * outside a request (an event from the mail server) has none.
 */
public record Actor(String person, String device) {

    private static final ScopedValue<Actor> CURRENT = ScopedValue.newInstance();

    public Actor {
        Objects.requireNonNull(person, "person");
    }

    public static Optional<Actor> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** Runs {@code work} with this actor bound (Java 25 scoped values: gone when it returns, on this thread only). */
    public <X extends Throwable> void run(ScopedValue.CallableOp<Void, X> work) throws X {
        ScopedValue.where(CURRENT, this).call(work);
    }
}
