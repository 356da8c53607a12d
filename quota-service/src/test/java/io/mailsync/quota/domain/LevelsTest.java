package io.mailsync.quota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelsTest {

    @Test
    void reachedIsTheHighestLevelAtOrBelowUsage() {
        Levels levels = Levels.defaults();
        assertThat(levels.reachedAt(79.99)).isZero();
        assertThat(levels.reachedAt(80)).isEqualTo(80);
        assertThat(levels.reachedAt(96)).isEqualTo(95);
        assertThat(levels.reachedAt(130)).isEqualTo(100);
    }

    @Test
    void aLevelIsHeldUntilUsageFallsTheMarginBelowIt() {
        Levels levels = Levels.defaults();
        assertThat(levels.heldAt(85.5, 90, 5)).isEqualTo(90);
        assertThat(levels.heldAt(84.9, 90, 5)).isEqualTo(80);
        assertThat(levels.heldAt(74.9, 90, 5)).isZero();
        assertThat(levels.heldAt(99, 0, 5)).as("nothing told, nothing held").isZero();
    }

    @Test
    void plansWithNonsenseLevelsAreRefused() {
        assertThatThrownBy(() -> new Levels(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Levels(List.of(90, 80))).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new Levels(List.of(80, 120))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> new Usage(1, 0)).hasMessageContaining("limit");
    }
}
