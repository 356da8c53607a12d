package io.mailsync.quota.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The use cases wired to in-memory fakes of their ports (whose contracts the real adapters pass too). */
class QuotaUseCasesTest {

    private static final long GIB = 1L << 30;

    private final Fakes.Accounts accounts = new Fakes.Accounts();
    private final InMemoryUsageStore usage = new InMemoryUsageStore();
    private final InMemoryAlertRecordStore records = new InMemoryAlertRecordStore();
    private final Fakes.Mailer mailer = new Fakes.Mailer();
    private final Fakes.Topic topic = new Fakes.Topic();
    private final SettableClock clock = SettableClock.fixedAt(Instant.parse("2026-11-26T08:00:00Z"));
    private final List<Notice> counted = new ArrayList<>();
    private final QuotaSettings settings = Fakes.settings();
    private final EvaluateAccount evaluate = new EvaluateAccount(accounts, usage, records, settings, clock);
    private final DeliverNotices deliver = new DeliverNotices(records, accounts, mailer, topic, settings, clock,
            counted::add);
    private final RecordUsage recordUsage = new RecordUsage(usage, evaluate, deliver);
    private final ProvisionAccount provision = new ProvisionAccount(accounts, usage, records, evaluate, deliver);
    private final DeliverDueNotices retry = new DeliverDueNotices(records, deliver, clock);
    private final ViewQuota view = new ViewQuota(accounts, usage, records, settings);
    private Instant sampledAt = Instant.parse("2026-11-26T07:00:00Z");

    private void account(String raw, String contact, Long limitBytes, Long limitMessages) {
        AccountId id = AccountId.of(raw);
        provision.apply(id, Optional.of(new QuotaAccount(id, "cust", contact, limitBytes, limitMessages)));
    }

    private void sample(String raw, Long bytes, Long bytesLimit, Long messages, Long messageLimit) {
        sampledAt = sampledAt.plusSeconds(60);
        recordUsage.record(new UsageSample(AccountId.of(raw), sampledAt, bytes, bytesLimit, messages, messageLimit));
    }

    @Test
    void aSampleBeforeItsAccountIsToldWhenTheAccountArrives() {
        sample("a", GIB * 85 / 100, GIB, null, null);
        assertThat(mailer.sent).isEmpty();
        account("a", "a@home.example", null, null);
        assertThat(mailer.sent).hasSize(1);
        assertThat(topic.published).hasSize(1);
    }

    @Test
    void anAccountOnAPlanIsWarnedAtThatPlansLevelsAndAnUnknownPlanGetsTheDefaultOnes() {
        provision.apply(AccountId.of("early"), Optional.of(new QuotaAccount(AccountId.of("early"), "cust", "e@home.example", GIB, null,
                "early-warning")));
        provision.apply(AccountId.of("typo"), Optional.of(new QuotaAccount(AccountId.of("typo"), "cust", "t@home.example", GIB, null,
                "no-such-plan")));
        sample("early", GIB * 60 / 100, null, null, null);
        sample("typo", GIB * 60 / 100, null, null, null);
        sample("typo", GIB * 81 / 100, null, null, null);

        assertThat(mailer.sent).extracting(n -> ((Notice.LevelReached) n).level()).containsExactly(50, 80);
        assertThat(view.view(AccountId.of("early"), "cust", false).orElseThrow().currentLevel()).isEqualTo(50);
    }

    @Test
    void storageAndMessagesAreTrackedSeparatelyAgainstServerOrProvisionedLimits() {
        account("a", "a@home.example", 2 * GIB, 1_000L);
        sample("a", GIB * 85 / 100, GIB, 500L, null); // the server's 1 GiB wins over the provisioned 2 GiB
        sample("a", GIB * 85 / 100, GIB, 920L, null); // the provisioned 1,000 messages apply
        assertThat(mailer.sent).extracting(Notice::resource, n -> ((Notice.LevelReached) n).level())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Resource.STORAGE, 80),
                        org.assertj.core.groups.Tuple.tuple(Resource.MESSAGE, 90));
        QuotaView quota = view.view(AccountId.of("a"), "cust", false).orElseThrow();
        assertThat(quota.resources().get(Resource.MESSAGE).percent()).isEqualTo(92.0);
        assertThat(quota.currentLevel()).isEqualTo(90);
    }

    @Test
    void aNoticeTheRelayRefusedIsRetriedWithBackOffAndRecordedOnlyOnceAccepted() {
        account("a", "a@home.example", GIB, null);
        mailer.down = true;
        sample("a", GIB * 81 / 100, null, null, null);
        assertThat(mailer.sent).isEmpty();
        assertThat(topic.published).as("other channels need not wait").hasSize(1);
        assertThat(view.view(AccountId.of("a"), "cust", false).orElseThrow().lastNotice()).isNull();

        assertThat(retry.deliverDue()).as("backing off: not due yet").isZero();
        clock.advance(Duration.ofSeconds(11));
        assertThat(retry.deliverDue()).isZero();
        PendingNotice pending = records.load(AccountId.of("a")).orElseThrow().outbox().getFirst();
        assertThat(pending.attempts()).isEqualTo(2);
        assertThat(pending.published()).isTrue();

        mailer.down = false;
        clock.advance(Duration.ofMinutes(1));
        assertThat(retry.deliverDue()).isEqualTo(1);
        assertThat(retry.deliverDue()).isZero();
        assertThat(mailer.sent).hasSize(1);
        assertThat(topic.published).as("not published again").hasSize(1);
        assertThat(counted).hasSize(1);
        assertThat(view.view(AccountId.of("a"), "cust", false).orElseThrow().lastNotice().notice())
                .isEqualTo(mailer.sent.getFirst());
    }

    @Test
    void anAccountWithoutAContactAddressStillGetsItsEvent() {
        account("a", null, GIB, null);
        sample("a", GIB, null, null, null);
        assertThat(mailer.sent).isEmpty();
        assertThat(topic.published).hasSize(1);
        assertThat(records.load(AccountId.of("a")).orElseThrow().outbox()).isEmpty();
    }

    @Test
    void aDeliveryInProgressElsewhereIsLeftAlone() {
        account("a", "a@home.example", GIB, null);
        mailer.down = true;
        sample("a", GIB * 81 / 100, null, null, null);
        AlertRecord r = records.load(AccountId.of("a")).orElseThrow();
        records.compareAndSet(new AlertRecord(AccountId.of("a"), r.version(), r.states(), r.outbox(), r.sent(), "other/1",
                clock.instant().plus(Duration.ofMinutes(2))));
        mailer.down = false;
        clock.advance(Duration.ofMinutes(1));
        assertThat(deliver.deliver(AccountId.of("a"))).isZero();
        assertThat(mailer.sent).isEmpty();
        clock.advance(Duration.ofMinutes(2)); // the other replica died: its claim expires
        assertThat(deliver.deliver(AccountId.of("a"))).isEqualTo(1);
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void replayedSamplesAndReconciliationsTellNothingNew() {
        account("a", "a@home.example", GIB, null);
        sample("a", GIB * 91 / 100, null, null, null);
        UsageSample same = usage.latest(AccountId.of("a")).orElseThrow();
        recordUsage.record(same);
        recordUsage.record(new UsageSample(AccountId.of("a"), same.at().minusSeconds(30), GIB / 2, null, null, null));
        new ReconcileAccounts(accounts, usage, evaluate, deliver, settings, clock).reconcileAll();
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void aRemovedAccountIsForgotten() {
        account("a", "a@home.example", GIB, null);
        sample("a", GIB / 2, null, null, null);
        provision.apply(AccountId.of("a"), Optional.empty());
        assertThat(view.view(AccountId.of("a"), "cust", true)).isEmpty();
        assertThat(usage.latest(AccountId.of("a"))).isEmpty();
        assertThat(records.load(AccountId.of("a"))).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesTheQuota() {
        account("a", "a@home.example", GIB, null);
        assertThat(view.view(AccountId.of("a"), "cust", false)).isPresent();
        assertThat(view.view(AccountId.of("a"), "intruder", false)).isEmpty();
        assertThat(view.view(AccountId.of("a"), "ops", true)).isPresent();
    }
}
