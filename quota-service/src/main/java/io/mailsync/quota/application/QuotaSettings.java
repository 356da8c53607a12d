package io.mailsync.quota.application;

import io.mailsync.quota.domain.AlertPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * What the use cases are told by configuration.
 *
 * @param plans           alerting rules by plan name
 * @param defaultPlan     the plan of an account that names none, or one this configuration does not know
 * @param history         how long samples are kept for the forecast
 * @param claimLease      how long a replica holds an account's outbox while it delivers
 * @param retryFirst      back-off after the first failed delivery, doubled per attempt (with jitter)
 * @param retryMax        the longest back-off
 * @param instanceId      this replica, for delivery claims
 */
public record QuotaSettings(Map<String, AlertPolicy> plans, String defaultPlan, Duration history,
                            Duration claimLease, Duration retryFirst, Duration retryMax, String instanceId) {

    public QuotaSettings {
        plans = Map.copyOf(plans);
        Objects.requireNonNull(instanceId, "instanceId");
        if (!plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("the default plan '" + defaultPlan + "' is not among " + plans.keySet());
        }
        positive(history, "the sample history (mailsync.quota.history.retention)");
        positive(claimLease, "the delivery claim lease (mailsync.quota.delivery.claim-lease)");
        positive(retryFirst, "the first retry back-off (mailsync.quota.delivery.retry-first)");
        if (retryMax == null || retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException("the longest retry back-off (mailsync.quota.delivery.retry-max) is at"
                    + " least the first (" + retryFirst + "), not " + retryMax);
        }
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException(what + " must be a positive duration, not " + duration);
        }
    }

    /** The account's plan's rules; a plan this configuration does not know gets the default plan's, loudly. */
    public AlertPolicy policyFor(QuotaAccount account) {
        if (account.plan() == null) {
            return plans.get(defaultPlan);
        }
        AlertPolicy policy = plans.get(account.plan());
        if (policy == null) {
            LoggerFactory.getLogger(QuotaSettings.class).warn("account {}: plan '{}' is not configured "
                    + "(mailsync.quota.plans); the default plan's levels apply", account.accountId(), account.plan());
            return plans.get(defaultPlan);
        }
        return policy;
    }
}
