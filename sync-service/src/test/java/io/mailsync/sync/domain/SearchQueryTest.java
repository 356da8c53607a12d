package io.mailsync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.SearchCriteria;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 20's query language: what each filter means, what is refused, and how a stored message is matched. */
class SearchQueryTest {

    @Test
    void everyFilterIsReadQuotedValuesKeepTheirSpacesAndBareWordsAreText() {
        SearchCriteria c = SearchQuery.parse("from:ann@example.net TO:bob subject:\"lunch plans\" invoice march"
                + " since:2026-11-01 before:2026-12-01 is:unread is:flagged has:attachment");

        assertThat(c).isEqualTo(new SearchCriteria("ann@example.net", "bob", "lunch plans", "invoice march",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), true, true, true));
        assertThat(SearchQuery.parse("is:read is:unflagged").unread()).isFalse();
        assertThat(SearchQuery.needsBody(c)).isTrue();
        assertThat(SearchQuery.needsBody(SearchQuery.parse("from:ann"))).isFalse();
    }

    @Test
    void aQueryThatIsNoneIsRefusedWithAReason() {
        assertThatThrownBy(() -> SearchQuery.parse(" ")).hasMessageContaining("query is 1 to");
        assertThatThrownBy(() -> SearchQuery.parse("colour:blue")).hasMessageContaining("unknown filter 'colour:'");
        assertThatThrownBy(() -> SearchQuery.parse("since:01.11.2026")).hasMessageContaining("since: takes a day");
        assertThatThrownBy(() -> SearchQuery.parse("is:urgent")).hasMessageContaining("is: takes");
        assertThatThrownBy(() -> SearchQuery.parse("has:children")).hasMessageContaining("has: takes attachment");
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(1001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredMessageMatchesOnItsEnvelopeArrivalDayAndKeywords() {
        StoredMessage m = new StoredMessage(MessageId.of("m1"), AccountId.of("a1"), MessageLocator.pop3("u1"),
                new Envelope("<m1@x>", List.of("Ann <Ann@Example.net>"), List.of("bob@example.org"), List.of(),
                        "Lunch Plans", null),
                Instant.parse("2026-11-20T23:30:00Z"), 10, Set.of(Keyword.FLAGGED), null, 1, 1, null, null, false,
                false);

        assertThat(SearchQuery.matchesStored(SearchQuery.parse("from:ann@example.net"), m)).isTrue();
        assertThat(SearchQuery.matchesStored(SearchQuery.parse("subject:\"lunch plans\" is:unread is:flagged"), m))
                .isTrue();
        assertThat(SearchQuery.matchesStored(SearchQuery.parse("since:2026-11-20 before:2026-11-21"), m)).isTrue();
        assertThat(SearchQuery.matchesStored(SearchQuery.parse("since:2026-11-21"), m)).isFalse();
        assertThat(SearchQuery.matchesStored(SearchQuery.parse("is:read"), m)).isFalse();
        assertThat(SearchQuery.matchesStored(SearchQuery.parse("to:carol"), m)).isFalse();
    }
}
