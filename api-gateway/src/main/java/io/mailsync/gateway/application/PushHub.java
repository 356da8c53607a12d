package io.mailsync.gateway.application;

import io.mailsync.events.mail.AccountId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Fans an account's state changes out to the push streams open on this gateway instance, and remembers the latest
 * state per account: what a resuming client hears when sync-service cannot say what it missed (issue 19).
 */
public final class PushHub {

    /** A push stream: told the new state of its account; must not block (it hands the write off). */
    public interface Subscriber {
        void stateAdvanced(String state);

        /** The person this stream is for may no longer read the account (issue 23): it ends. */
        default void cutOff() {
        }
    }

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<AccountId, String> latest = new ConcurrentHashMap<>();
    private final Map<AccountId, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /** Whose each stream is, where access was decided by a person's own right (not {@code accounts.admin}). */
    private final Map<Subscriber, String> persons = new ConcurrentHashMap<>();

    /** The account moved to {@code state}: every stream of that account hears it. */
    public void advanced(AccountId accountId, String state) {
        latest.put(accountId, state);
        subscribers.getOrDefault(accountId, Set.of()).forEach(s -> s.stateAdvanced(state));
    }

    public Optional<String> latest(AccountId accountId) {
        return Optional.ofNullable(latest.get(accountId));
    }

    /**
     * Subscribes to an account. When the client resumes from {@code lastSeenState} and the latest known state is
     * another one, the subscriber hears the latest at once (it may then hear it twice: clients ask {@code /changes},
     * which is idempotent).
     */
    public Subscription subscribe(AccountId accountId, String lastSeenState, Subscriber subscriber) {
        return subscribe(accountId, null, lastSeenState, subscriber);
    }

    /** As {@link #subscribe(AccountId, String, Subscriber)}, for {@code person}'s stream (null: an admin's). */
    public Subscription subscribe(AccountId accountId, String person, String lastSeenState, Subscriber subscriber) {
        if (person != null) {
            persons.put(subscriber, person);
        }
        subscribers.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (lastSeenState != null) {
            latest(accountId).filter(state -> !state.equals(lastSeenState)).ifPresent(subscriber::stateAdvanced);
        }
        return () -> {
            persons.remove(subscriber);
            subscribers.computeIfPresent(accountId, (id, set) -> {
                set.remove(subscriber);
                return set.isEmpty() ? null : set;
            });
        };
    }

    /** Ends every stream of the account whose person {@code stillReads} no longer accepts (issue 23: a revocation). */
    public int cutOff(AccountId accountId, Predicate<String> stillReads) {
        int cut = 0;
        for (Subscriber subscriber : subscribers.getOrDefault(accountId, Set.of())) {
            String person = persons.get(subscriber);
            if (person != null && !stillReads.test(person)) {
                subscriber.cutOff();
                cut++;
            }
        }
        return cut;
    }

    public int openStreams() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
