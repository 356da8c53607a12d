package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keywords last announced for every known message of one folder under one UIDVALIDITY. Comparing it with
 * what the server reports yields deltas (never whole sets) and expunges; a message never announced is not
 * this index's business (it arrives through the UID range above the cursor).
 */
public final class FolderIndex {

    private final Map<Uid, Set<Keyword>> keywords;

    public FolderIndex(Map<Uid, Set<Keyword>> keywords) {
        this.keywords = new HashMap<>(keywords);
    }

    public static FolderIndex empty() {
        return new FolderIndex(Map.of());
    }

    public Set<Keyword> keywordsOf(Uid uid) {
        return keywords.get(uid);
    }

    public boolean knows(Uid uid) {
        return keywords.containsKey(uid);
    }

    public int size() {
        return keywords.size();
    }

    public void put(Uid uid, Set<Keyword> current) {
        keywords.put(uid, Set.copyOf(current));
    }

    public void remove(Uid uid) {
        keywords.remove(uid);
    }

    /** Deltas and expunges the server's report implies, against what was announced. Does not change the index. */
    public Reconciliation reconcile(ServerChanges changes) {
        List<FlagChange> changed = new ArrayList<>();
        Set<Uid> seen = new TreeSet<>();
        for (FlagState state : changes.states()) {
            seen.add(state.uid());
            Set<Keyword> before = keywords.get(state.uid());
            if (before == null) {
                continue;
            }
            FlagChange change = FlagChange.between(state.uid(), before, state.keywords(), state.modSeq());
            if (!change.isEmpty()) {
                changed.add(change);
            }
        }
        Set<Uid> expunged = new TreeSet<>();
        for (Uid uid : changes.vanished()) {
            if (keywords.containsKey(uid)) {
                expunged.add(uid);
            }
        }
        if (changes.complete()) {
            for (Uid uid : keywords.keySet()) {
                if (!seen.contains(uid)) {
                    expunged.add(uid);
                }
            }
        }
        changed.removeIf(c -> expunged.contains(c.uid()));
        return new Reconciliation(changed, expunged);
    }

    public record Reconciliation(List<FlagChange> changed, Set<Uid> expunged) {
        public boolean isEmpty() {
            return changed.isEmpty() && expunged.isEmpty();
        }
    }
}
