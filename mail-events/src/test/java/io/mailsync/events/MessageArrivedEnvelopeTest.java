package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Envelope} on the wire record is a view, not a field: a {@link MessageArrived} built from one writes the
 * golden file's JSON (no {@code envelope} key), and reads back to the same envelope (issue 21, ADR 0012).
 */
class MessageArrivedEnvelopeTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void builtFromAnEnvelopeItWritesTheGoldenJsonAndReadsBackToTheSameEnvelope() throws Exception {
        Envelope envelope = new Envelope("<m42@example.net>", List.of("Alice <alice@example.net>"),
                List.of("bob@example.org"), List.of(), "Hello", Samples.AT.minusSeconds(60));
        MessageArrived arrived = new MessageArrived(Samples.ID, Samples.AT, AccountId.of("acc-1"), Samples.SESSION,
                Samples.INBOX_42, 17L, envelope, Samples.AT, 2048, Set.of("$seen"), null, false).withOwnerEpoch(3);

        String golden = Files.readString(Path.of("src/test/resources/golden/MessageArrived.v1.json"));

        assertThat(json.readTree(codec.encode(arrived))).isEqualTo(json.readTree(golden));
        assertThat(codec.decode(golden, MessageArrived.class)).get()
                .satisfies(read -> assertThat(read.envelope()).isEqualTo(envelope));
    }

    @Test
    void anEmptyEnvelopeHasEmptyAddressListsNeverNull() {
        assertThat(Envelope.EMPTY.from()).isEmpty();
        assertThat(new Envelope(null, null, null, null, null, null)).isEqualTo(Envelope.EMPTY);
    }
}
