package io.mailsync.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import io.mailsync.webhook.domain.DeliveryStatus;
import io.mailsync.webhook.domain.SendOutcome;
import io.mailsync.webhook.domain.SubscriptionId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryLog} does: run by the in-memory fake's test and by the Mongo adapter's. */
public interface DeliveryLogContract {

    DeliveryLog log();

    static Delivery aDelivery(String subscription, String state) {
        return new Delivery(subscription, "acc-1:" + state, "account.state", AccountId.of("acc-1"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Map.of("state", state), false);
    }

    @Test
    default void attemptsAreCountedAndTheLastOneSays() {
        Delivery d = aDelivery(SubscriptionId.random().value(), "s1");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log().attempted(d, t, SendOutcome.answered(503));
        log().attempted(d, t.plusSeconds(1), SendOutcome.failed("could not connect"));

        DeliveryLogEntry entry = log().find(d.subscriptionId(), d.eventId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(DeliveryStatus.FAILING);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.lastError()).isEqualTo("could not connect");
        assertThat(entry.lastStatusCode()).isZero();
        assertThat(entry.lastAttemptAt()).isEqualTo(t.plusSeconds(1));
        assertThat(entry.delivery()).isEqualTo(d);

        log().attempted(d, t.plusSeconds(2), SendOutcome.answered(204));
        assertThat(log().find(d.subscriptionId(), d.eventId()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    default void parkedAndRequeuedKeepTheAttempts() {
        Delivery d = aDelivery(SubscriptionId.random().value(), "s1");
        Instant t = Instant.now();
        log().attempted(d, t, SendOutcome.answered(500));
        log().parked(d, t.plusSeconds(1));
        assertThat(log().find(d.subscriptionId(), d.eventId()).orElseThrow())
                .extracting(DeliveryLogEntry::status, DeliveryLogEntry::attempts)
                .containsExactly(DeliveryStatus.PARKED, 1);
        log().requeued(d.asRedelivery(), t.plusSeconds(2));
        assertThat(log().find(d.subscriptionId(), d.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    default void recentIsNewestFirstForThatSubscriptionOnly() {
        String sub = SubscriptionId.random().value();
        Instant t = Instant.now();
        log().attempted(aDelivery(sub, "s1"), t, SendOutcome.answered(200));
        log().attempted(aDelivery(sub, "s2"), t.plusSeconds(1), SendOutcome.answered(200));
        log().attempted(aDelivery(sub, "s3"), t.plusSeconds(2), SendOutcome.answered(200));
        log().attempted(aDelivery(SubscriptionId.random().value(), "s4"), t.plusSeconds(3), SendOutcome.answered(200));

        assertThat(log().recent(sub, 2)).extracting(e -> e.delivery().eventId()).containsExactly("acc-1:s3", "acc-1:s2");
    }
}
