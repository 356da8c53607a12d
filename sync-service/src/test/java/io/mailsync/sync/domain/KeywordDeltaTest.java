package io.mailsync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.Keyword;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordDeltaTest {

    private static final Keyword WORK = Keyword.of("work");

    @Test
    void appliesSetsAndClearsToTheCurrentKeywords() {
        KeywordDelta delta = KeywordDelta.parse(Map.of("$seen", true, "$flagged", false));

        assertThat(delta.applyTo(Set.of(Keyword.FLAGGED, WORK))).containsExactlyInAnyOrder(Keyword.SEEN, WORK);
        assertThat(delta.addedTo(Set.of(Keyword.FLAGGED))).containsExactly(Keyword.SEEN);
        assertThat(delta.removedFrom(Set.of(Keyword.FLAGGED))).containsExactly(Keyword.FLAGGED);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(KeywordDelta.parse(Map.of("$Seen", true)).changes()).containsOnlyKeys(Keyword.SEEN);
    }

    @Test
    void aStaleUnreadNeverUndoesARead() {
        KeywordDelta staleUnread = KeywordDelta.parse(Map.of("$seen", false));

        assertThat(staleUnread.resolveStale()).isEmpty();
    }

    @Test
    void aStaleReadAndOtherKeywordsStillApply() {
        KeywordDelta stale = KeywordDelta.parse(Map.of("$seen", true, "$flagged", true));

        assertThat(stale.resolveStale()).contains(stale);
        assertThat(KeywordDelta.parse(Map.of("$seen", false, "$flagged", true)).resolveStale().orElseThrow().changes())
                .containsExactly(Map.entry(Keyword.FLAGGED, true));
    }

    @Test
    void rejectsWhatIsNotAKeyword() {
        assertThatThrownBy(() -> KeywordDelta.parse(Map.of("has space", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a keyword");
        assertThatThrownBy(() -> KeywordDelta.parse(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverFlagsThatAreNotKeywordsAreDropped() {
        assertThat(Keyword.validAmong(Set.of("$Seen", "bad(flag", "Work"))).containsExactlyInAnyOrder(Keyword.SEEN, WORK);
    }
}
