package io.mailsync.fetcher.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

/** Issue 15: a partition's offset moves only up to its lowest command not applied yet, whatever order they finish. */
class CommandOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("mail.commands", 0);
    private final List<Long> committed = new ArrayList<>();
    private final List<TopicPartition> paused = new ArrayList<>();
    private final List<TopicPartition> resumed = new ArrayList<>();
    private final CommandOffsets offsets = new CommandOffsets(paused::add, resumed::add);

    private Acknowledgment ack(long offset) {
        return () -> committed.add(offset);
    }

    @Test
    void aCommandAppliedBeforeAnEarlierOneIsCommittedOnlyOnceTheEarlierOneIsApplied() {
        Runnable first = offsets.track(P0, 10, ack(10));
        Runnable second = offsets.track(P0, 11, ack(11));
        Runnable third = offsets.track(P0, 12, ack(12));

        second.run(); // another account's command, applied first
        assertThat(committed).as("offset 10 is not applied: nothing may be committed").isEmpty();

        first.run();
        assertThat(committed).containsExactly(11L); // acknowledging 11 commits everything up to it

        third.run();
        assertThat(committed).containsExactly(11L, 12L);
        assertThat(offsets.pending(P0)).isZero();
    }

    @Test
    void afterTheAssignmentEndedALateCompletionCommitsNothing() {
        Runnable stuck = offsets.track(P0, 5, ack(5));
        offsets.forget(P0); // revoked: the next owner applies it again from the committed offset

        stuck.run();

        assertThat(committed).isEmpty();
    }

    @Test
    void aPartitionWithTooManyCommandsWaitingIsPausedInsteadOfDroppingAndResumedOnceTheyDrain() {
        List<Runnable> done = new ArrayList<>();
        for (int i = 0; i <= CommandOffsets.PAUSE_ABOVE; i++) {
            done.add(offsets.track(P0, i, ack(i)));
        }
        assertThat(paused).containsExactly(P0);

        done.forEach(Runnable::run);

        assertThat(resumed).containsExactly(P0);
        assertThat(committed.getLast()).isEqualTo(CommandOffsets.PAUSE_ABOVE);
    }
}
