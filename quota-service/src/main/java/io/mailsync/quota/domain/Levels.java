package io.mailsync.quota.domain;

import java.util.List;

/** The warning levels of a plan, in percent, strictly ascending, each 1 to 100 (default 80, 90, 95, 100). */
public record Levels(List<Integer> percents) {

    public static final int FULL = 100;

    public Levels {
        percents = List.copyOf(percents);
        if (percents.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one warning level");
        }
        for (int i = 0; i < percents.size(); i++) {
            int level = percents.get(i);
            if (level < 1 || level > FULL) {
                throw new IllegalArgumentException("a warning level is 1 to 100 percent, not " + level);
            }
            if (i > 0 && level <= percents.get(i - 1)) {
                throw new IllegalArgumentException("warning levels are strictly ascending: " + percents);
            }
        }
    }

    public static Levels defaults() {
        return new Levels(List.of(80, 90, 95, FULL));
    }

    /** The highest level at or below {@code percent}, or 0 when below the first. */
    public int reachedAt(double percent) {
        int reached = 0;
        for (int level : percents) {
            if (percent >= level) {
                reached = level;
            }
        }
        return reached;
    }

    /** The highest level at or below {@code ceiling} that {@code percent} still holds within {@code margin}. */
    public int heldAt(double percent, int ceiling, int margin) {
        int held = 0;
        for (int level : percents) {
            if (level <= ceiling && percent >= level - margin) {
                held = level;
            }
        }
        return held;
    }
}
