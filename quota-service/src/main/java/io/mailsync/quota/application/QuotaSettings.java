package io.mailsync.quota.application;

import io.mailsync.quota.domain.AlertPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the use cases are told by configuration.
 *
 * @param plans           alerting rules by plan name
 * @param defaultPlan     the plan of an account that names none (AccountSpec carries no plan yet)
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
    }

    public AlertPolicy policyFor(QuotaAccount account) {
        return plans.get(defaultPlan);
    }
}
