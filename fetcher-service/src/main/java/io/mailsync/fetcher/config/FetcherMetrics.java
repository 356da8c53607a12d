package io.mailsync.fetcher.config;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.fetcher.application.AccountSessions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code mailsync.fetcher.sessions{state}}: how many owned accounts are in each session state;
 * {@code mailsync.fetcher.accounts.owned}; {@code mailsync.fetcher.commands.held}: commands read before their
 * account's registration (one that stays above zero names commands no session will apply).
 */
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
        Gauge.builder("mailsync.fetcher.commands.held", sessions, AccountSessions::heldCommands)
                .description("commands waiting for their account's registration (a removed account's are refused"
                        + " after ownership.orphan-commands-after)")
                .register(registry);
    }
}
