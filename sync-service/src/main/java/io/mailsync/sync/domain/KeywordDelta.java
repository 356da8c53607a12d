package io.mailsync.sync.domain;

import io.mailsync.events.mail.Keyword;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A device's change to a message's keywords: each named keyword set ({@code true}) or cleared ({@code false}).
 * Devices send deltas, never whole sets (DESIGN.md "Sync semantics").
 */
public record KeywordDelta(Map<Keyword, Boolean> changes) {

    public static final int MAX_CHANGES = 100;

    public KeywordDelta {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("keywords names at least one keyword to set (true) or clear (false)");
        }
        if (changes.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("at most " + MAX_CHANGES + " keywords per change");
        }
        changes.forEach((keyword, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("keyword '" + keyword + "' needs true or false");
            }
        });
        changes = Map.copyOf(changes);
    }

    /**
     * What a device sent ({@code {"$seen": true}}), in any spelling: each name must be a keyword (RFC 8621 §4.1.1) and
     * each value true or false, else an {@link IllegalArgumentException} says which and why.
     */
    public static KeywordDelta parse(Map<String, Boolean> sent) {
        if (sent == null || sent.isEmpty()) {
            return new KeywordDelta(Map.of());
        }
        if (sent.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("at most " + MAX_CHANGES + " keywords per change");
        }
        Map<Keyword, Boolean> changes = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("keyword '" + name + "' needs true or false");
            }
            changes.put(Keyword.of(name), value);
        });
        return new KeywordDelta(changes);
    }

    public static KeywordDelta of(Set<Keyword> add, Set<Keyword> remove) {
        Map<Keyword, Boolean> changes = new LinkedHashMap<>();
        remove.forEach(k -> changes.put(k, false));
        add.forEach(k -> changes.put(k, true));
        return new KeywordDelta(changes);
    }

    /**
     * The delta as it applies to a message that changed after the device's base state: read wins, so a stale
     * "unread" never undoes a read that happened meanwhile. Other keywords apply in server order. Empty when
     * nothing of the edit survives.
     */
    public Optional<KeywordDelta> resolveStale() {
        Map<Keyword, Boolean> kept = new LinkedHashMap<>(changes);
        if (Boolean.FALSE.equals(kept.get(Keyword.SEEN))) {
            kept.remove(Keyword.SEEN);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new KeywordDelta(kept));
    }

    public Set<Keyword> applyTo(Set<Keyword> current) {
        Set<Keyword> next = new TreeSet<>(current);
        changes.forEach((keyword, set) -> {
            if (set) {
                next.add(keyword);
            } else {
                next.remove(keyword);
            }
        });
        return Set.copyOf(next);
    }

    /** Keywords this delta actually adds to {@code current}. */
    public Set<Keyword> addedTo(Set<Keyword> current) {
        Set<Keyword> added = new TreeSet<>();
        changes.forEach((k, set) -> {
            if (set && !current.contains(k)) {
                added.add(k);
            }
        });
        return Set.copyOf(added);
    }

    /** Keywords this delta actually removes from {@code current}. */
    public Set<Keyword> removedFrom(Set<Keyword> current) {
        Set<Keyword> removed = new TreeSet<>();
        changes.forEach((k, set) -> {
            if (!set && current.contains(k)) {
                removed.add(k);
            }
        });
        return Set.copyOf(removed);
    }
}
