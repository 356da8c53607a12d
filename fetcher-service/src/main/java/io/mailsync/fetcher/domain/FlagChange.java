package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A known message's keywords moved from {@code before} to {@code after}: consumers apply the delta. {@code modSeq}
 * is null where the server lacks CONDSTORE.
 */
public record FlagChange(Uid uid, Set<Keyword> added, Set<Keyword> removed, Set<Keyword> current, ModSeq modSeq) {

    public FlagChange {
        Objects.requireNonNull(uid, "uid");
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        current = Set.copyOf(current);
    }

    public static FlagChange between(Uid uid, Set<Keyword> before, Set<Keyword> after, ModSeq modSeq) {
        Set<Keyword> added = new HashSet<>(after);
        added.removeAll(before);
        Set<Keyword> removed = new HashSet<>(before);
        removed.removeAll(after);
        return new FlagChange(uid, added, removed, after, modSeq);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
