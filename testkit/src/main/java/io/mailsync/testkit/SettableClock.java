package io.mailsync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock a test moves: past a seven-day grace period, a 30-day change-log retention, a 14-day restore window.
 * Either it stands still at a fixed instant until moved ({@link #fixedAt}), or it runs with real time plus whatever
 * it was moved by ({@link #systemTime}) — for tests where the broker, MongoDB and Awaitility see real time too.
 * Always UTC.
 */
public final class SettableClock extends Clock {

    private final Clock base;
    private final ChronoUnit precision;
    private volatile Duration offset = Duration.ZERO;

    private SettableClock(Clock base, ChronoUnit precision) {
        this.base = base;
        this.precision = precision;
    }

    /** Stands at {@code start} until {@link #advance advanced}: a unit test's time. */
    public static SettableClock fixedAt(Instant start) {
        return new SettableClock(Clock.fixed(start, ZoneOffset.UTC), ChronoUnit.NANOS);
    }

    /** Real time plus the offset it was advanced by: an integration test's time. */
    public static SettableClock systemTime() {
        return new SettableClock(Clock.systemUTC(), ChronoUnit.NANOS);
    }

    /**
     * A new clock like this one (same base, same offset so far) that ticks in {@code unit}s, e.g. milliseconds: what
     * MongoDB stores, so an instant read back from it compares equal to one the clock gave. Move the new clock.
     */
    public SettableClock ticking(ChronoUnit unit) {
        SettableClock clock = new SettableClock(base, unit);
        clock.offset = offset;
        return clock;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to where it started (fixed) or to real time (system). */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset).truncatedTo(precision);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Only UTC: a copy in another zone would not move with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("SettableClock is UTC only, asked for " + zone);
    }
}
