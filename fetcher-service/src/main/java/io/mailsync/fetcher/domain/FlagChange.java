package io.mailsync.fetcher.domain;

import java.util.HashSet;
import java.util.Set;

/** A known message's keywords moved from {@code before} to {@code after}: consumers apply the delta. */
public record FlagChange(long uid, Set<String> added, Set<String> removed, Set<String> current, Long modSeq) {

    public FlagChange {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        current = Set.copyOf(current);
    }

    public static FlagChange between(long uid, Set<String> before, Set<String> after, Long modSeq) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(after);
        return new FlagChange(uid, added, removed, after, modSeq);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
