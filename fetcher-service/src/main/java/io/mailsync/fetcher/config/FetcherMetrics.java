package io.mailsync.fetcher.config;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.fetcher.application.AccountSessions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code mailsync.fetcher.sessions{state}}: how many owned accounts are in each session state. */
@Component
class FetcherMetrics implements MeterBinder {

    private final AccountSessions sessions;

    FetcherMetrics(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Status status : Status.values()) {
            Gauge.builder("mailsync.fetcher.sessions", sessions, s -> s.countByStatus().getOrDefault(status, 0L))
                    .tag("state", status.name())
                    .description("owned accounts by session state")
                    .register(registry);
        }
        Gauge.builder("mailsync.fetcher.accounts.owned", sessions, AccountSessions::size)
                .description("accounts whose partitions this fetcher is assigned")
                .register(registry);
    }
}
