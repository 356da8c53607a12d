package io.mailsync.webhook.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.domain.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The queue record as read: the golden file, a later release's record with more fields, and one that is not one. */
class DeliveryListenerTest {

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("webhook.deliveries", 0, 0, "wh_0123456789abcdef0123456789abcdef", value);
    }

    private static String golden() throws IOException {
        try (InputStream in = DeliveryListenerTest.class.getResourceAsStream("/golden/delivery-record.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void theGoldenRecordReadsBackToTheDeliveryItWasWrittenFrom() throws IOException {
        assertThat(DeliveryListener.delivery(record(golden()))).isEqualTo(new Delivery(
                "wh_0123456789abcdef0123456789abcdef", "acc-1:s7", "account.state", AccountId.of("acc-1"),
                Instant.parse("2026-12-03T10:00:00Z"), Map.of("state", "s7"), false));
    }

    @Test
    void fieldsALaterReleaseAddsAreIgnored() throws IOException {
        String later = golden().replace("\"redelivery\":false", "\"redelivery\":false,\"priority\":\"high\"");
        assertThat(DeliveryListener.delivery(record(later)).eventId()).isEqualTo("acc-1:s7");
    }

    @Test
    void aRecordThatIsNoDeliveryIsMalformedSoItIsDeadLetteredAtOnce() {
        assertThatThrownBy(() -> DeliveryListener.delivery(record("not json"))).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeliveryListener.delivery(record("{\"eventId\":\"x\"}")))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeliveryListener.delivery(record(null))).isInstanceOf(MalformedRecordException.class);
    }
}
