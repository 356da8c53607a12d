package io.mailsync.sync.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "what changed since state S" (RFC 8620 §5.2): a message created and destroyed in the range is
 * left out; created wins over updated; at most {@code maxChanges} ids, cutting only between modseqs so the next
 * call continues exactly where this one stopped. May over-report, never under-reports.
 */
public record ChangeSet(List<String> created, List<String> updated, List<String> destroyed, long upToModseq,
                        boolean hasMoreChanges) {

    public ChangeSet {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        destroyed = List.copyOf(destroyed);
    }

    /** Incremental builder: feed entries in ascending modseq order until {@link #full()}. */
    public static final class Collector {
        private final int maxChanges;
        private final long currentModseq;
        private final Map<String, ChangeKind[]> byMessage = new LinkedHashMap<>();
        private long lastIncluded;
        private boolean truncated;

        public Collector(long sinceModseq, long currentModseq, int maxChanges) {
            if (maxChanges < 1) {
                throw new IllegalArgumentException("maxChanges is at least 1");
            }
            this.maxChanges = maxChanges;
            this.currentModseq = currentModseq;
            this.lastIncluded = sinceModseq;
        }

        /** Adds an entry; returns false (and takes nothing) once one more message would exceed maxChanges. */
        public boolean add(ChangeEntry entry) {
            if (truncated) {
                return false;
            }
            ChangeKind[] kinds = byMessage.get(entry.messageId());
            if (kinds == null) {
                if (byMessage.size() == maxChanges) {
                    truncated = true;
                    return false;
                }
                byMessage.put(entry.messageId(), new ChangeKind[] {entry.kind(), entry.kind()});
            } else {
                kinds[1] = entry.kind();
            }
            lastIncluded = entry.modseq();
            return true;
        }

        public boolean full() {
            return truncated;
        }

        public ChangeSet result() {
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> destroyed = new ArrayList<>();
            byMessage.forEach((id, kinds) -> {
                boolean wasCreated = kinds[0] == ChangeKind.CREATED;
                boolean isDestroyed = kinds[1] == ChangeKind.DESTROYED;
                if (wasCreated && isDestroyed) {
                    return; // RFC 8620 §5.2: created and destroyed since the old state: not reported at all
                }
                if (wasCreated) {
                    created.add(id);
                } else if (isDestroyed) {
                    destroyed.add(id);
                } else {
                    updated.add(id);
                }
            });
            return new ChangeSet(created, updated, destroyed, truncated ? lastIncluded : currentModseq, truncated);
        }
    }
}
