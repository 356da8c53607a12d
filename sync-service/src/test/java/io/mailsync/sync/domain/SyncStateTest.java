package io.mailsync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncStateTest {

    @Test
    void roundTripsThroughItsText() {
        SyncState state = new SyncState(3, 42);

        assertThat(SyncState.parse(state.text())).isEqualTo(state);
    }

    @Test
    void rejectsWhatThisServiceDidNotIssue() {
        assertThatThrownBy(() -> SyncState.parse("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a state");
        assertThatThrownBy(() -> SyncState.parse("0-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncState.parse("1-99999999999999999999")).isInstanceOf(IllegalArgumentException.class);
    }
}
