package io.mailsync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordDeltaTest {

    @Test
    void appliesSetsAndClearsToTheCurrentKeywords() {
        KeywordDelta delta = new KeywordDelta(Map.of("$seen", true, "$flagged", false));

        assertThat(delta.applyTo(Set.of("$flagged", "work"))).containsExactlyInAnyOrder("$seen", "work");
        assertThat(delta.addedTo(Set.of("$flagged"))).containsExactly("$seen");
        assertThat(delta.removedFrom(Set.of("$flagged"))).containsExactly("$flagged");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(new KeywordDelta(Map.of("$Seen", true)).changes()).containsOnlyKeys("$seen");
    }

    @Test
    void aStaleUnreadNeverUndoesARead() {
        KeywordDelta staleUnread = new KeywordDelta(Map.of("$seen", false));

        assertThat(staleUnread.resolveStale()).isEmpty();
    }

    @Test
    void aStaleReadAndOtherKeywordsStillApply() {
        KeywordDelta stale = new KeywordDelta(Map.of("$seen", true, "$flagged", true));

        assertThat(stale.resolveStale()).contains(stale);
        assertThat(new KeywordDelta(Map.of("$seen", false, "$flagged", true)).resolveStale().orElseThrow().changes())
                .containsExactly(Map.entry("$flagged", true));
    }

    @Test
    void rejectsWhatIsNotAKeyword() {
        assertThatThrownBy(() -> new KeywordDelta(Map.of("has space", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a keyword");
        assertThatThrownBy(() -> new KeywordDelta(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverFlagsThatAreNotKeywordsAreDropped() {
        assertThat(Keywords.fromServer(Set.of("$Seen", "bad(flag", "Work"))).containsExactlyInAnyOrder("$seen", "work");
    }
}
