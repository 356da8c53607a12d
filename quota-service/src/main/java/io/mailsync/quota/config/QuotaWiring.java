package io.mailsync.quota.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.mailsync.quota.application.DeliverDueNotices;
import io.mailsync.quota.application.DeliverNotices;
import io.mailsync.quota.application.EvaluateAccount;
import io.mailsync.quota.application.ProvisionAccount;
import io.mailsync.quota.application.QuotaSettings;
import io.mailsync.quota.application.ReconcileAccounts;
import io.mailsync.quota.application.RecordUsage;
import io.mailsync.quota.application.ViewQuota;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertPublisher;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.NoticeMailer;
import io.mailsync.quota.application.port.out.UsageStore;
import io.mailsync.quota.domain.AlertPolicy;
import io.mailsync.quota.domain.ForecastPolicy;
import io.mailsync.quota.domain.Levels;
import io.mailsync.quota.domain.Notice;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Maps configuration to the settings the use cases own, and builds the use cases. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaWiring {

    /**
     * Millisecond ticks: what MongoDB stores, so a stored decision compares equal to a recomputed one. Tests
     * register their own clock first to move time (the grace period is days long).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    QuotaSettings quotaSettings(QuotaProperties p) {
        QuotaProperties.Forecast f = p.forecast();
        ForecastPolicy forecast = new ForecastPolicy(f.floorPercent(), f.window(), f.minHistory(), f.holdSamples(),
                f.horizon());
        Map<String, AlertPolicy> plans = new HashMap<>();
        plans.put(QuotaProperties.DEFAULT_PLAN, policy(p.levels(), p, forecast));
        if (p.plans() != null) {
            p.plans().forEach((name, levels) -> plans.put(name, policy(levels, p, forecast)));
        }
        String instance = p.instanceId() != null ? p.instanceId() : "quota-" + UUID.randomUUID();
        return new QuotaSettings(plans, QuotaProperties.DEFAULT_PLAN, p.history().retention(),
                p.delivery().claimLease(), p.delivery().retryFirst(), p.delivery().retryMax(), instance);
    }

    private static AlertPolicy policy(List<Integer> levels, QuotaProperties p, ForecastPolicy forecast) {
        return new AlertPolicy(new Levels(levels), p.rearmMargin(), p.gracePeriod(), forecast);
    }

    @Bean
    EvaluateAccount evaluateAccount(AccountStore accounts, UsageStore usage, AlertRecordStore records,
                                    QuotaSettings settings, Clock clock) {
        return new EvaluateAccount(accounts, usage, records, settings, clock);
    }

    @Bean
    DeliverNotices deliverNotices(AlertRecordStore records, AccountStore accounts, NoticeMailer mailer,
                                  AlertPublisher publisher, QuotaSettings settings, Clock clock,
                                  MeterRegistry meters) {
        return new DeliverNotices(records, accounts, mailer, publisher, settings, clock,
                notice -> meters.counter("mailsync.quota.alerts.sent", "kind", kind(notice)).increment());
    }

    private static String kind(Notice notice) {
        return switch (notice) {
            case Notice.LevelReached l -> l.full() ? "full" : "level-" + l.level();
            case Notice.BackUnderQuota b -> "back-under";
            case Notice.FullSoon f -> "forecast";
        };
    }

    @Bean
    DeliverDueNotices deliverDueNotices(AlertRecordStore records, DeliverNotices deliver, Clock clock) {
        return new DeliverDueNotices(records, deliver, clock);
    }

    @Bean
    RecordUsage recordUsage(UsageStore usage, EvaluateAccount evaluate, DeliverNotices deliver) {
        return new RecordUsage(usage, evaluate, deliver);
    }

    @Bean
    ProvisionAccount provisionAccount(AccountStore accounts, UsageStore usage, AlertRecordStore records,
                                      EvaluateAccount evaluate, DeliverNotices deliver) {
        return new ProvisionAccount(accounts, usage, records, evaluate, deliver);
    }

    @Bean
    ReconcileAccounts reconcileAccounts(AccountStore accounts, UsageStore usage, EvaluateAccount evaluate,
                                        DeliverNotices deliver, QuotaSettings settings, Clock clock) {
        return new ReconcileAccounts(accounts, usage, evaluate, deliver, settings, clock);
    }

    @Bean
    ViewQuota viewQuota(AccountStore accounts, UsageStore usage, AlertRecordStore records, QuotaSettings settings) {
        return new ViewQuota(accounts, usage, records, settings);
    }
}
