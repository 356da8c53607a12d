package io.mailsync.sync.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A device's change to a message's keywords: each named keyword set ({@code true}) or cleared ({@code false}).
 * Devices send deltas, never whole sets (DESIGN.md "Sync semantics").
 */
public record KeywordDelta(Map<String, Boolean> changes) {

    public static final int MAX_CHANGES = 100;

    public KeywordDelta {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("keywords names at least one keyword to set (true) or clear (false)");
        }
        if (changes.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("at most " + MAX_CHANGES + " keywords per change");
        }
        Map<String, Boolean> normalized = new LinkedHashMap<>();
        changes.forEach((keyword, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("keyword '" + keyword + "' needs true or false");
            }
            normalized.put(Keywords.normalize(keyword), value);
        });
        changes = Map.copyOf(normalized);
    }

    public static KeywordDelta of(Set<String> add, Set<String> remove) {
        Map<String, Boolean> changes = new LinkedHashMap<>();
        remove.forEach(k -> changes.put(k, false));
        add.forEach(k -> changes.put(k, true));
        return new KeywordDelta(changes);
    }

    /**
     * The delta as it applies to a message that changed after the device's base state: read wins, so a stale
     * "unread" never undoes a read that happened meanwhile. Other keywords apply in server order. Empty when
     * nothing of the edit survives.
     */
    public java.util.Optional<KeywordDelta> resolveStale() {
        Map<String, Boolean> kept = new LinkedHashMap<>(changes);
        if (Boolean.FALSE.equals(kept.get(Keywords.SEEN))) {
            kept.remove(Keywords.SEEN);
        }
        return kept.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new KeywordDelta(kept));
    }

    public Set<String> applyTo(Set<String> current) {
        Set<String> next = new TreeSet<>(current);
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
    public Set<String> addedTo(Set<String> current) {
        Set<String> added = new TreeSet<>();
        changes.forEach((k, set) -> {
            if (set && !current.contains(k)) {
                added.add(k);
            }
        });
        return Set.copyOf(added);
    }

    /** Keywords this delta actually removes from {@code current}. */
    public Set<String> removedFrom(Set<String> current) {
        Set<String> removed = new TreeSet<>();
        changes.forEach((k, set) -> {
            if (!set && current.contains(k)) {
                removed.add(k);
            }
        });
        return Set.copyOf(removed);
    }
}
