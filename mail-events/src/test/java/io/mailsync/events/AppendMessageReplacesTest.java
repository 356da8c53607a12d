package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code replacesMessageIdHeader} was added within version 1: absent means none, present round-trips. */
class AppendMessageReplacesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aDraftReplacementCarriesTheReplacedMessageIdAndAnOlderRecordHasNone() {
        AppendMessage draft = new AppendMessage(UUID.randomUUID(), Instant.parse("2026-11-26T08:15:30Z"),
                AccountId.of("acc-1"),
                Origin.device("dev-phone"), "Drafts", "\\Drafts", "gridfs:1", 10, "<v2@example.net>",
                Set.of("$draft"), null, "<v1@example.net>");

        assertThat(codec.decode(codec.encode(draft))).isEqualTo(new EventCodec.Decoded.Known(draft));
        AppendMessage sent = new AppendMessage(UUID.randomUUID(), Instant.parse("2026-11-26T08:15:30Z"),
                AccountId.of("acc-1"),
                Origin.device("dev-phone"), "Sent", "\\Sent", "gridfs:1", 10, "<s@example.net>", Set.of(), null);
        assertThat(codec.encode(sent))
                .doesNotContain("replacesMessageIdHeader");
        assertThat(sent.replacesMessageIdHeader()).isNull();
    }
}
