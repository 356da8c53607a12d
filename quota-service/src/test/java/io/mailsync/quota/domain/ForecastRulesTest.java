package io.mailsync.quota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastRulesTest {

    private static final long LIMIT = 10_000;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private final AlertRules rules = new AlertRules(AlertPolicy.defaults());

    @Test
    void aStraightLineIsFitExactly() {
        List<UsagePoint> points = new ArrayList<>();
        for (int day = 0; day <= 10; day++) {
            points.add(new UsagePoint(START.plus(Duration.ofDays(day)), 5_000 + 100L * day));
        }
        Optional<Forecast> f = Forecast.of(points, new Usage(6_000, LIMIT), ForecastPolicy.defaults());
        assertThat(f).isPresent();
        assertThat(f.get().daysToFull()).isCloseTo(40, within(1e-9));
        assertThat(f.get().fullAt()).isEqualTo(START.plus(Duration.ofDays(50)));
    }

    @Test
    void noForecastFromTooShortAHistoryOrAFlatOrFallingOne() {
        var policy = ForecastPolicy.defaults();
        List<UsagePoint> shortHistory = List.of(new UsagePoint(START, 1), new UsagePoint(START.plusSeconds(3600), 2),
                new UsagePoint(START.plus(Duration.ofDays(6)), 3));
        assertThat(Forecast.of(shortHistory, new Usage(3, LIMIT), policy)).isEmpty();
        List<UsagePoint> flat = new ArrayList<>();
        List<UsagePoint> falling = new ArrayList<>();
        for (int day = 0; day <= 10; day++) {
            flat.add(new UsagePoint(START.plus(Duration.ofDays(day)), 8_000));
            falling.add(new UsagePoint(START.plus(Duration.ofDays(day)), 8_000 - day));
        }
        assertThat(Forecast.of(flat, new Usage(8_000, LIMIT), policy)).isEmpty();
        assertThat(Forecast.of(falling, new Usage(7_990, LIMIT), policy)).isEmpty();
    }

    @Test
    void onlyPointsWithinTheWindowCount() {
        List<UsagePoint> points = new ArrayList<>();
        points.add(new UsagePoint(START.minus(Duration.ofDays(60)), 0)); // long ago: a different story
        for (int day = 0; day <= 14; day++) {
            points.add(new UsagePoint(START.plus(Duration.ofDays(day)), 5_000));
        }
        assertThat(Forecast.of(points, new Usage(5_000, LIMIT), ForecastPolicy.defaults())).isEmpty();
    }

    /** Daily samples from {@code from} percent rising {@code perDay}; returns the day of each warning. */
    private List<Integer> warningsOver(int days, double from, double perDay) {
        AlertState state = AlertState.initial();
        List<UsagePoint> history = new ArrayList<>();
        List<Integer> warnedOn = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            long used = Math.round((from + perDay * day) * LIMIT / 100);
            history.add(new UsagePoint(at, used));
            Decision d = rules.evaluate(Resource.STORAGE, state, new Usage(used, LIMIT), at, history, at);
            state = d.next();
            if (d.notices().stream().anyMatch(n -> n instanceof Notice.FullSoon)) {
                warnedOn.add(day);
            }
        }
        return warnedOn;
    }

    @Test
    void aSteadilyFillingMailboxIsWarnedOnceItHeldForThreeSamplesAboveTheFloor() {
        // 70.5 % rising 0.5 points a day: full in ~59 days at first; a 14-day horizon means from ~86 % on
        List<Integer> warned = warningsOver(40, 70.5, 1.2);
        assertThat(warned).isNotEmpty();
        int first = warned.getFirst();
        double percentThen = 70.5 + 1.2 * first;
        assertThat(percentThen).isGreaterThanOrEqualTo(70);
        assertThat(warned).as("at most once per 7-day grace period").allSatisfy(day ->
                assertThat((day - first) % 7 == 0 || day - first >= 7).isTrue());
        for (int i = 1; i < warned.size(); i++) {
            assertThat(warned.get(i) - warned.get(i - 1)).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void aFlatMailboxIsNeverWarned() {
        assertThat(warningsOver(30, 85, 0)).isEmpty();
    }

    @Test
    void aMailboxFillingBelowTheFloorIsNotWarned() {
        assertThat(warningsOver(30, 30, 1.3)).isEmpty(); // reaches 67.7 %, full in ~25 days at the end
    }

    @Test
    void theWarningWaitsUntilTheForecastHeldForSeveralSamples() {
        AlertState state = AlertState.initial();
        List<UsagePoint> history = new ArrayList<>();
        for (int day = 0; day <= 8; day++) { // 72 % rising 2 points a day: full in 6 days
            history.add(new UsagePoint(START.plus(Duration.ofDays(day)), 7_200 + 200L * day));
        }
        Instant at = START.plus(Duration.ofDays(8));
        Usage usage = new Usage(8_800, LIMIT);
        Decision first = rules.evaluate(Resource.STORAGE, state, usage, at, history, at);
        assertThat(first.notices()).noneMatch(n -> n instanceof Notice.FullSoon);
        assertThat(first.next().forecastStreak()).isEqualTo(1);
        // the same sample again (a replay, a reconciliation) does not count as holding longer
        Decision replay = rules.evaluate(Resource.STORAGE, first.next(), usage, at, history, at.plusSeconds(60));
        assertThat(replay.next().forecastStreak()).isEqualTo(1);
        assertThat(replay.notices()).isEmpty();
    }

    @Test
    void aForecastIsNotRepeatedFromStaleDataWhenNoNewSampleCame() {
        AlertState state = AlertState.initial();
        List<UsagePoint> history = new ArrayList<>();
        Instant at = START;
        Usage usage = null;
        int warnings = 0;
        for (int day = 0; day <= 10; day++) { // 75 % rising 1.5 points a day
            at = START.plus(Duration.ofDays(day));
            usage = new Usage(7_500 + 150L * day, LIMIT);
            history.add(new UsagePoint(at, usage.used()));
            Decision d = rules.evaluate(Resource.STORAGE, state, usage, at, history, at);
            state = d.next();
            warnings += (int) d.notices().stream().filter(n -> n instanceof Notice.FullSoon).count();
        }
        assertThat(warnings).isEqualTo(1);
        Instant muchLater = at.plus(Duration.ofDays(9)); // past the grace period, but nothing new was sampled
        Decision reconciled = rules.evaluate(Resource.STORAGE, state, usage, at, history, muchLater);
        assertThat(reconciled.notices()).isEmpty();
    }
}
