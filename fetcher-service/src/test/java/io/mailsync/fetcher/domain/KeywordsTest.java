package io.mailsync.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void systemFlagsBecomeJmapKeywordsAndCustomOnesStayAsTheyAre() {
        assertThat(Keywords.fromImapFlags(List.of("\\Seen", "\\Flagged", "\\Answered", "\\Draft", "\\Deleted",
                "\\Recent", "$Forwarded", "work")))
                .containsExactlyInAnyOrder("$seen", "$flagged", "$answered", "$draft", "$deleted", "$Forwarded", "work");
    }

    @Test
    void keywordsGoBackAsImapFlags() {
        assertThat(Keywords.toImapFlag("$seen")).isEqualTo("\\Seen");
        assertThat(Keywords.toImapFlag("$flagged")).isEqualTo("\\Flagged");
        assertThat(Keywords.toImapFlag("work")).isEqualTo("work");
    }
}
