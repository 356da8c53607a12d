package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertPublisher;
import io.mailsync.quota.application.port.out.NoticeMailer;
import io.mailsync.quota.domain.AlertPolicy;
import io.mailsync.quota.domain.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The world of the use cases, in memory: accounts, a mail relay and a topic that can be told to fail. */
final class Fakes {

    private Fakes() {
    }

    static QuotaSettings settings() {
        AlertPolicy early = new AlertPolicy(new io.mailsync.quota.domain.Levels(java.util.List.of(50, 75, 100)), 5,
                Duration.ofDays(7), io.mailsync.quota.domain.ForecastPolicy.defaults());
        return new QuotaSettings(Map.of("default", AlertPolicy.defaults(), "early-warning", early), "default",
                Duration.ofDays(30),
                Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(30), "test");
    }

    static final class Accounts implements AccountStore {
        private final Map<AccountId, QuotaAccount> accounts = new ConcurrentHashMap<>();

        @Override
        public void save(QuotaAccount account) {
            accounts.put(account.accountId(), account);
        }

        @Override
        public Optional<QuotaAccount> find(AccountId accountId) {
            return Optional.ofNullable(accounts.get(accountId));
        }

        @Override
        public void remove(AccountId accountId) {
            accounts.remove(accountId);
        }

        @Override
        public List<AccountId> idsAfter(AccountId afterId, int limit) {
            return accounts.keySet().stream().filter(id -> afterId == null || id.value().compareTo(afterId.value()) > 0)
                    .sorted(Comparator.comparing(AccountId::value)).limit(limit).toList();
        }
    }

    static final class Mailer implements NoticeMailer {
        final List<Notice> sent = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public void send(QuotaAccount account, Notice notice) {
            if (down) {
                throw new NotAccepted("connection refused", null);
            }
            sent.add(notice);
        }
    }

    static final class Topic implements AlertPublisher {
        final List<Notice> published = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public void publish(AccountId accountId, Notice notice, Instant occurredAt) {
            if (down) {
                throw new IllegalStateException("broker unavailable");
            }
            published.add(notice);
        }
    }
}
