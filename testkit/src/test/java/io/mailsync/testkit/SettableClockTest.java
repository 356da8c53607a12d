package io.mailsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00.123456789Z");

    @Test
    void aFixedClockStandsStillUntilMoved() {
        SettableClock clock = SettableClock.fixedAt(START);

        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofDays(7));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(7)));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void aSystemClockRunsWithRealTimePlusWhatItWasMovedBy() {
        SettableClock clock = SettableClock.systemTime();
        clock.advance(Duration.ofDays(31));

        Instant expected = Instant.now().plus(Duration.ofDays(31));
        assertThat(Duration.between(expected, clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aMillisecondClockReadsBackEqualFromAStoreThatKeepsMilliseconds() {
        SettableClock clock = SettableClock.fixedAt(START).ticking(ChronoUnit.MILLIS);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-26T08:00:00.123Z"));
        assertThat(Instant.ofEpochMilli(clock.millis())).isEqualTo(clock.instant());
    }

    @Test
    void itIsUtcOnly() {
        SettableClock clock = SettableClock.fixedAt(START);

        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Berlin")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Europe/Berlin");
    }
}
