package io.mailsync.webhook.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.domain.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue record as written: the golden file the listener's test reads back. */
class KafkaDeliveryQueueTest {

    static final Delivery GOLDEN = new Delivery("wh_0123456789abcdef0123456789abcdef", "acc-1:s7", "account.state",
            AccountId.of("acc-1"), Instant.parse("2026-12-03T10:00:00Z"), Map.of("state", "s7"), false);

    @Test
    void aDeliveryIsWrittenAsTheGoldenFileSays() throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/golden/delivery-record.json")) {
            assertThat(KafkaDeliveryQueue.json(GOLDEN))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
