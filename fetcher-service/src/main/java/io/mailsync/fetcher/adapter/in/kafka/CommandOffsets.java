package io.mailsync.fetcher.adapter.in.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Which {@code mail.commands} offsets may be committed (issue 15): a command is done when it took effect on the
 * server or was refused for good, in any order across accounts, but a partition's offset only moves up to the lowest
 * command not done yet — so a crash or a rebalance at any point re-delivers every command not applied to the next
 * owner. The commit itself is spring-kafka's: acknowledging a record under {@code AckMode.MANUAL} (from any thread)
 * commits the offset after it. A partition with too many commands waiting is paused, never dropped from.
 */
final class CommandOffsets {

    static final int PAUSE_ABOVE = 10_000;

    private final Map<TopicPartition, Track> tracks = new ConcurrentHashMap<>();
    private final Consumer<TopicPartition> pause;
    private final Consumer<TopicPartition> resume;

    CommandOffsets(Consumer<TopicPartition> pause, Consumer<TopicPartition> resume) {
        this.pause = pause;
        this.resume = resume;
    }

    /** A command record handed to its session: returns what to run once it is done. */
    Runnable track(TopicPartition partition, long offset, Acknowledgment ack) {
        Track track = tracks.computeIfAbsent(partition, Track::new);
        track.add(offset, ack);
        return () -> track.done(offset);
    }

    /** The partition moved away (or came back anew): its pending commands go to whoever is assigned it next. */
    void forget(TopicPartition partition) {
        Track track = tracks.remove(partition);
        if (track != null) {
            track.close();
        }
    }

    /** How many commands of the partition wait to be applied. */
    int pending(TopicPartition partition) {
        Track track = tracks.get(partition);
        return track == null ? 0 : track.size();
    }

    private final class Track {

        private final TopicPartition partition;
        private final TreeMap<Long, Entry> entries = new TreeMap<>();
        private boolean closed;
        private boolean paused;

        private static final class Entry {
            final Acknowledgment ack;
            boolean done;

            Entry(Acknowledgment ack) {
                this.ack = ack;
            }
        }

        Track(TopicPartition partition) {
            this.partition = partition;
        }

        synchronized void add(long offset, Acknowledgment ack) {
            entries.putIfAbsent(offset, new Entry(ack));
            if (!paused && entries.size() > PAUSE_ABOVE) {
                paused = true;
                pause.accept(partition);
            }
        }

        synchronized void done(long offset) {
            Entry entry = entries.get(offset);
            if (closed || entry == null) {
                return; // from an assignment that has ended: the next owner applies it again
            }
            entry.done = true;
            Entry last = null;
            while (!entries.isEmpty() && entries.firstEntry().getValue().done) {
                last = entries.pollFirstEntry().getValue();
            }
            if (last != null) {
                last.ack.acknowledge(); // commits up to and including it: everything before it is done too
            }
            if (paused && entries.size() <= PAUSE_ABOVE / 2) {
                paused = false;
                resume.accept(partition);
            }
        }

        synchronized int size() {
            return entries.size();
        }

        synchronized void close() {
            closed = true;
            entries.clear();
            if (paused) {
                resume.accept(partition);
            }
        }
    }
}
