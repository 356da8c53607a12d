package io.mailsync.quota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final long LIMIT = 1_000;
    private final AlertRules rules = new AlertRules(AlertPolicy.defaults());
    private AlertState state = AlertState.initial();
    private Instant now = Instant.parse("2026-11-01T00:00:00Z");
    private final List<UsagePoint> history = new ArrayList<>();

    /** One sample an hour later than the last, at {@code percent}; returns what the customer is told. */
    private List<Notice> sample(double percent) {
        now = now.plus(Duration.ofHours(1));
        long used = Math.round(percent * LIMIT / 100);
        history.add(new UsagePoint(now, used));
        Decision decision = rules.evaluate(Resource.STORAGE, state, new Usage(used, LIMIT), now, history, now);
        state = decision.next();
        return decision.notices();
    }

    private static List<String> told(List<Notice> notices) {
        return notices.stream().map(n -> switch (n) {
            case Notice.LevelReached l -> "level " + l.level();
            case Notice.BackUnderQuota b -> "back under";
            case Notice.FullSoon f -> "full soon";
        }).toList();
    }

    @Test
    void eachLevelIsToldOnceOnTheWayUp() {
        assertThat(told(sample(79))).isEmpty();
        assertThat(told(sample(80))).containsExactly("level 80");
        assertThat(told(sample(85))).isEmpty();
        assertThat(told(sample(90))).containsExactly("level 90");
        assertThat(told(sample(91))).isEmpty();
    }

    @Test
    void aJumpOverSeveralLevelsTellsOnlyTheHighest() {
        assertThat(told(sample(70))).isEmpty();
        assertThat(told(sample(96))).containsExactly("level 95");
        assertThat(told(sample(97))).isEmpty();
    }

    @Test
    void oscillatingAroundALevelIsNotRepeated() {
        assertThat(told(sample(80))).containsExactly("level 80");
        for (double p : new double[] {79, 81, 78, 80.5, 76, 82, 79.9}) {
            assertThat(told(sample(p))).as("at %s %%", p).isEmpty();
        }
    }

    @Test
    void aLevelReArmedWithinTheGracePeriodIsNotRepeated() {
        assertThat(told(sample(80))).containsExactly("level 80");
        assertThat(told(sample(70))).isEmpty(); // re-armed: 10 points below
        assertThat(told(sample(85))).as("3 hours later: within 7 days").isEmpty();
    }

    @Test
    void aLevelReArmedAfterTheGracePeriodIsToldAgain() {
        assertThat(told(sample(80))).containsExactly("level 80");
        assertThat(told(sample(70))).isEmpty();
        now = now.plus(Duration.ofDays(7));
        assertThat(told(sample(85))).containsExactly("level 80");
    }

    @Test
    void aLevelNotFallenFiveBelowIsNotReArmedEvenAfterTheGracePeriod() {
        assertThat(told(sample(80))).containsExactly("level 80");
        assertThat(told(sample(76))).isEmpty();
        now = now.plus(Duration.ofDays(30));
        assertThat(told(sample(84))).isEmpty();
    }

    @Test
    void aLowerLevelIsNotToldWithinTheGracePeriodOfAHigherOne() {
        assertThat(told(sample(95))).containsExactly("level 95");
        assertThat(told(sample(50))).isEmpty();
        assertThat(told(sample(85))).as("80 < 95 told hours ago").isEmpty();
        assertThat(told(sample(90))).isEmpty();
    }

    @Test
    void fallingBelowOneLevelKeepsTheLowerOneArmed() {
        sample(90);
        assertThat(told(sample(84))).isEmpty(); // 90 re-arms, 80 still held
        now = now.plus(Duration.ofDays(8));
        assertThat(told(sample(90))).containsExactly("level 90");
        assertThat(state.notifiedLevel()).isEqualTo(90);
    }

    @Test
    void fullIsToldAtOnceAndSoIsTheWayBackUnder() {
        sample(50);
        assertThat(told(sample(100))).containsExactly("level 100");
        assertThat(told(sample(100))).isEmpty();
        assertThat(told(sample(99))).containsExactly("back under");
        assertThat(told(sample(99.5))).isEmpty();
    }

    @Test
    void fullIsToldAgainWithinTheGracePeriodOnceReArmed() {
        assertThat(told(sample(100))).containsExactly("level 100");
        assertThat(told(sample(90))).containsExactly("back under");
        assertThat(told(sample(100))).as("mail bounces again: urgent, grace or not").containsExactly("level 100");
    }

    @Test
    void aLoweredLimitThatPushesUsageOverFullReadsAsFull() {
        Decision d = rules.evaluate(Resource.MESSAGE, state, new Usage(1_200, 1_000), now, List.of(), now);
        assertThat(told(d.notices())).containsExactly("level 100");
        assertThat(d.notices().getFirst().resource()).isEqualTo(Resource.MESSAGE);
    }

    @Test
    void reEvaluatingTheSameSampleChangesNothing() {
        sample(90);
        Decision again = rules.evaluate(Resource.STORAGE, state, new Usage(900, LIMIT), now, history, now);
        assertThat(again.notices()).isEmpty();
        assertThat(again.next()).isEqualTo(state);
    }

    @Test
    void levelsArePerPlan() {
        AlertRules custom = new AlertRules(new AlertPolicy(new Levels(List.of(50, 75)), 5, Duration.ofDays(7),
                ForecastPolicy.defaults()));
        Decision d = custom.evaluate(Resource.STORAGE, state, new Usage(600, LIMIT), now, List.of(), now);
        assertThat(told(d.notices())).containsExactly("level 50");
        assertThat(told(custom.evaluate(Resource.STORAGE, d.next(), new Usage(850, LIMIT), now.plusSeconds(1),
                List.of(), now.plusSeconds(1)).notices())).containsExactly("level 75");
    }
}
