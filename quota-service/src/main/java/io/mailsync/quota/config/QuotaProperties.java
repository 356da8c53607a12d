package io.mailsync.quota.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.quota.*}: alerting rules (DESIGN.md "Quota semantics"), forecast, history, delivery.
 *
 * @param levels       the default plan's warning levels
 * @param plans        other plans' levels by plan name
 * @param rearmMargin  points below a level that re-arm it
 * @param gracePeriod  how long the same or a lower level is not repeated
 * @param instanceId   this replica in delivery claims (default: a random id)
 */
@ConfigurationProperties("mailsync.quota")
public record QuotaProperties(
        @DefaultValue({"80", "90", "95", "100"}) List<Integer> levels,
        Map<String, List<Integer>> plans,
        @DefaultValue("5") int rearmMargin,
        @DefaultValue("P7D") Duration gracePeriod,
        @DefaultValue Forecast forecast,
        @DefaultValue History history,
        @DefaultValue("PT15M") Duration reconcileInterval,
        @DefaultValue Delivery delivery,
        @DefaultValue Mail mail,
        String instanceId) {

    public static final String DEFAULT_PLAN = "default";

    /** What only the adapters read is checked here; the rest by the settings and policies it becomes. */
    public QuotaProperties {
        positive(reconcileInterval, "mailsync.quota.reconcile-interval");
    }

    /** A "full in about N days" warning: above {@code floorPercent}, held for {@code holdSamples} samples. */
    public record Forecast(@DefaultValue("70") double floorPercent, @DefaultValue("P14D") Duration window,
                           @DefaultValue("P7D") Duration minHistory, @DefaultValue("3") int holdSamples,
                           @DefaultValue("P14D") Duration horizon) {
    }

    /** Samples are kept for {@code retention}, at most one per account and {@code bucket}. */
    public record History(@DefaultValue("P30D") Duration retention, @DefaultValue("PT1H") Duration bucket) {

        public History {
            positive(bucket, "mailsync.quota.history.bucket");
        }
    }

    /** Outbox delivery: how often due notices are retried, the claim lease, and the back-off. */
    public record Delivery(@DefaultValue("PT5S") Duration poll, @DefaultValue("PT2M") Duration claimLease,
                           @DefaultValue("PT10S") Duration retryFirst, @DefaultValue("PT30M") Duration retryMax) {

        public Delivery {
            positive(poll, "mailsync.quota.delivery.poll");
        }
    }

    /** The sender of notice e-mails. */
    public record Mail(@DefaultValue("quota-notices@mailsync.invalid") String from) {

        public Mail {
            if (from == null || !from.contains("@")) {
                throw new IllegalArgumentException("mailsync.quota.mail.from must be an e-mail address, not " + from);
            }
        }
    }

    private static void positive(Duration duration, String property) {
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException(property + " must be a positive duration, not " + duration);
        }
    }
}
