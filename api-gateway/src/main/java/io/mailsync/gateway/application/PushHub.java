package io.mailsync.gateway.application;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans an account's state changes out to the push streams open on this gateway instance, and remembers the latest
 * state per account: what a resuming client hears when sync-service cannot say what it missed (issue 19).
 */
public final class PushHub {

    /** A push stream: told the new state of its account; must not block (it hands the write off). */
    public interface Subscriber {
        void stateAdvanced(String state);
    }

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /** The account moved to {@code state}: every stream of that account hears it. */
    public void advanced(String accountId, String state) {
        latest.put(accountId, state);
        subscribers.getOrDefault(accountId, Set.of()).forEach(s -> s.stateAdvanced(state));
    }

    public Optional<String> latest(String accountId) {
        return Optional.ofNullable(latest.get(accountId));
    }

    /**
     * Subscribes to an account. When the client resumes from {@code lastSeenState} and the latest known state is
     * another one, the subscriber hears the latest at once (it may then hear it twice: clients ask {@code /changes},
     * which is idempotent).
     */
    public Subscription subscribe(String accountId, String lastSeenState, Subscriber subscriber) {
        subscribers.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (lastSeenState != null) {
            latest(accountId).filter(state -> !state.equals(lastSeenState)).ifPresent(subscriber::stateAdvanced);
        }
        return () -> subscribers.computeIfPresent(accountId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public int openStreams() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
