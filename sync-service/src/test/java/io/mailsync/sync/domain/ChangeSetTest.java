package io.mailsync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

    private static ChangeEntry entry(long modseq, String id, ChangeKind kind) {
        return new ChangeEntry(modseq, id, kind, Instant.EPOCH);
    }

    private static ChangeSet collect(long since, long current, int max, List<ChangeEntry> entries) {
        ChangeSet.Collector collector = new ChangeSet.Collector(since, current, max);
        for (ChangeEntry e : entries) {
            if (!collector.add(e)) {
                break;
            }
        }
        return collector.result();
    }

    @Test
    void createdThenDestroyedSinceTheOldStateIsNotReported() {
        ChangeSet set = collect(0, 2, 10, List.of(entry(1, "a", ChangeKind.CREATED), entry(2, "a", ChangeKind.DESTROYED)));

        assertThat(set.created()).isEmpty();
        assertThat(set.destroyed()).isEmpty();
        assertThat(set.updated()).isEmpty();
        assertThat(set.upToModseq()).isEqualTo(2);
    }

    @Test
    void createdThenUpdatedIsReportedAsCreatedOnly() {
        ChangeSet set = collect(0, 2, 10, List.of(entry(1, "a", ChangeKind.CREATED), entry(2, "a", ChangeKind.UPDATED)));

        assertThat(set.created()).containsExactly("a");
        assertThat(set.updated()).isEmpty();
    }

    @Test
    void updatedThenDestroyedIsReportedAsDestroyed() {
        ChangeSet set = collect(5, 8, 10, List.of(entry(6, "a", ChangeKind.UPDATED), entry(8, "a", ChangeKind.DESTROYED)));

        assertThat(set.destroyed()).containsExactly("a");
        assertThat(set.updated()).isEmpty();
    }

    @Test
    void cutsBetweenModseqsWhenMoreMessagesChangedThanAsked() {
        List<ChangeEntry> entries = List.of(entry(1, "a", ChangeKind.CREATED), entry(2, "b", ChangeKind.CREATED),
                entry(3, "a", ChangeKind.UPDATED), entry(4, "c", ChangeKind.CREATED));

        ChangeSet first = collect(0, 4, 2, entries);

        assertThat(first.created()).containsExactly("a", "b");
        assertThat(first.hasMoreChanges()).isTrue();
        assertThat(first.upToModseq()).isEqualTo(3); // a's update at 3 belongs to a message already in the answer
        ChangeSet rest = collect(3, 4, 2, entries.subList(3, 4));
        assertThat(rest.created()).containsExactly("c");
        assertThat(rest.hasMoreChanges()).isFalse();
        assertThat(rest.upToModseq()).isEqualTo(4);
    }

    @Test
    void nothingChangedAnswersTheCurrentState() {
        ChangeSet set = collect(7, 7, 10, List.of());

        assertThat(set.upToModseq()).isEqualTo(7);
        assertThat(set.hasMoreChanges()).isFalse();
    }

    @Test
    void maxChangesIsAtLeastOne() {
        assertThatThrownBy(() -> new ChangeSet.Collector(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
