package io.mailsync.benchmarks;

import io.mailsync.benchmarks.idle.IdleCapacity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P3 as a table line: the largest step held, with its heap and wake-up p99. The baseline is the same step's
 * server-side wake-up (EXISTS written until the fetcher's DONE), i.e. how fast the fetcher's IMAP session itself
 * reacts; the figure is until the MessageArrived is on Kafka.
 */
final class IdleCapacityFigure {

    private IdleCapacityFigure() {
    }

    static Figure of(IdleCapacity.Result result) {
        List<IdleCapacity.Step> steps = result.steps();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("steps", steps);
        details.put("stopped", result.stoppedBecause());
        if (steps.isEmpty()) {
            return new Figure("P3", "IDLE capacity", "mailboxes", 0, Double.NaN, "", Double.NaN,
                    IdleCapacity.TARGET, false, "no step completed: " + result.stoppedBecause(), details);
        }
        IdleCapacity.Step held = steps.getLast();
        for (IdleCapacity.Step s : steps) {
            if (s.selected() >= s.target() * 0.99) {
                held = s;
            }
        }
        StringBuilder note = new StringBuilder();
        for (IdleCapacity.Step s : steps) {
            note.append(String.format("N=%d: %d idle, heap %d MiB (committed %d), RSS %d MiB, %d threads, %d fds, "
                            + "wake-up p99 %.0f ms (DONE p99 %.0f ms, %d/%d pushed published), ramp %.0f s%s; ",
                    s.target(), s.idling(), s.heapUsedMiB(), s.heapCommittedMiB(), s.rssMiB(), s.threads(),
                    s.openFiles(), s.publishP99Ms(), s.wakeP99Ms(), s.published(), s.pushed(), s.rampSeconds(),
                    s.note().isEmpty() ? "" : " (" + s.note() + ")"));
        }
        note.append("stopped: ").append(result.stoppedBecause());
        if (!result.perSession().isEmpty()) {
            // GC.class_histogram at that step less the one with no session, per session selected (issue 18)
            note.append("; heap per session at N=").append(result.histogramAt()).append(" by class (live objects, "
                    + "jcmd GC.class_histogram with N sessions less with none, / N): ")
                    .append(String.join(", ", result.perSession().stream().map(Object::toString).toList()));
            details.put("heap_per_session_at", result.histogramAt());
            details.put("heap_per_session", result.perSession());
        }
        boolean met = held.target() >= 20_000 && held.selected() >= 19_800 && held.heapUsedMiB() <= 256
                && held.publishP99Ms() <= 1000;
        return new Figure("P3", "IDLE capacity: mailboxes held by one fetcher JVM (heap " + held.heapUsedMiB()
                + " MiB, wake-up p99 " + Math.round(held.publishP99Ms()) + " ms)", "mailboxes", held.idling(),
                held.wakeP99Ms(), "wake-up p99 ms to DONE at the server (same step)",
                held.publishP99Ms() / held.wakeP99Ms(), IdleCapacity.TARGET, met, note.toString(), details);
    }
}
