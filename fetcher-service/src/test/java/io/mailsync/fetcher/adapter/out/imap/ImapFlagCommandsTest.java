package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.Keyword;
import jakarta.mail.Flags;
import org.junit.jupiter.api.Test;

/**
 * What a server's flags become as keywords (ADR 0012). The one change from the fetcher's own mapping before issue 21:
 * a user flag no JMAP keyword can spell (RFC 8621 §4.1.1: 1-255 printable ASCII characters) is left out, where it
 * used to travel as it was and sync-service then dropped it.
 */
class ImapFlagCommandsTest {

    @Test
    void systemFlagsAreTheirJmapKeywordsAndUserFlagsAreKeptInLowerCase() {
        Flags flags = new Flags();
        flags.add(Flags.Flag.SEEN);
        flags.add(Flags.Flag.ANSWERED);
        flags.add(Flags.Flag.RECENT);
        flags.add("Work");
        flags.add("$Forwarded");

        assertThat(ImapFlagCommands.keywords(flags)).containsExactlyInAnyOrder(Keyword.SEEN, Keyword.ANSWERED,
                Keyword.of("work"), Keyword.of("$forwarded"));
    }

    @Test
    void aFlagNoKeywordCanSpellIsLeftOutAndTheMessageKeepsItsOtherKeywords() {
        Flags flags = new Flags();
        flags.add(Flags.Flag.FLAGGED);
        flags.add("x".repeat(256)); // RFC 8621 allows 255 characters at most
        flags.add("wichtig\u2713"); // 8-bit: some servers store it, no keyword has it

        assertThat(ImapFlagCommands.keywords(flags)).containsExactly(Keyword.FLAGGED);
    }
}
