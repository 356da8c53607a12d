package io.mailsync.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaForecastWarning;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.ReconcileAccounts;
import io.mailsync.quota.application.UsageSample;
import io.mailsync.quota.application.port.out.UsageStore;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * quota-service on a real broker, the MongoDB wire server and GreenMail SMTP: samples published with a real
 * producer, notices read as a customer (their inbox) and as another service ({@code quota.alerts}) would.
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class QuotaAlertsIT {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static QuotaInstance quota;
    private static Wire wire;

    @BeforeAll
    static void start() {
        quota = SharedQuota.instance();
        wire = SharedQuota.wire();
    }

    private static String newAccount() {
        String id = "acc-" + UUID.randomUUID();
        wire.account(id, "cust-" + id, contact(id), Wire.GIB, null);
        quota.awaitAccount(id);
        return id;
    }

    private static String contact(String accountId) {
        return accountId + "@home.example";
    }

    private static List<Inbox.Mail> mails(String accountId) {
        return Inbox.of(GreenMailKit.server(), contact(accountId));
    }

    private static List<Integer> levelsUp(String accountId) {
        return wire.alertsFor(accountId).stream().filter(a -> a instanceof QuotaLevelCrossed c
                && c.direction() == QuotaLevelCrossed.Direction.UP).map(a -> ((QuotaLevelCrossed) a).level()).toList();
    }

    /** Waits for {@code count} e-mails and events, then a little longer to be sure no more come. */
    private static void awaitExactly(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(accountId).size() >= count
                && wire.alertsFor(accountId).size() >= count);
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        assertThat(mails(accountId)).extracting(m -> m.noticeId() + " " + m.messageId()).hasSize(count);
        assertThat(wire.alertsFor(accountId)).hasSize(count);
    }

    @Test
    void eightyThenNinetyPercentSendsExactlyTwoEmailsAndTwoEvents() {
        String id = newAccount();
        Instant t = Instant.now();
        wire.usage(id, 50, t);
        wire.usage(id, 81, t.plusSeconds(60));
        wire.usage(id, 85, t.plusSeconds(120));
        wire.usage(id, 91, t.plusSeconds(180));
        wire.usage(id, 92, t.plusSeconds(240));

        awaitExactly(id, 2);
        assertThat(levelsUp(id)).containsExactly(80, 90);
        assertThat(mails(id)).extracting(Inbox.Mail::subject)
                .containsExactly("Your mailbox is 80% full", "Your mailbox is 90% full — please make room soon");
        Inbox.Mail ninety = mails(id).get(1);
        assertThat(ninety.body()).contains("91% of its storage limit", "931.8 MiB of 1.0 GiB",
                "delete messages you no longer need");
        assertThat(mails(id)).extracting(Inbox.Mail::noticeId).containsExactlyElementsOf(
                wire.alertsFor(id).stream().map(a -> a.eventId().toString()).toList());
    }

    @Test
    void aJumpFromSeventyToNinetySixSendsOneNoticeForNinetyFive() {
        String id = newAccount();
        Instant t = Instant.now();
        wire.usage(id, 70, t);
        wire.usage(id, 96, t.plusSeconds(60));

        awaitExactly(id, 1);
        assertThat(levelsUp(id)).containsExactly(95);
        assertThat(mails(id).getFirst().subject()).isEqualTo("Your mailbox is almost full (95%)");
    }

    @Test
    void oscillatingAroundEightyPercentIsToldOnce() {
        String id = newAccount();
        Instant t = Instant.now();
        double[] percents = {79, 80.5, 79.5, 81, 78, 80.2, 79.9, 82, 77};
        for (int i = 0; i < percents.length; i++) {
            wire.usage(id, percents[i], t.plusSeconds(60L * i));
        }
        awaitExactly(id, 1);
        assertThat(levelsUp(id)).containsExactly(80);
    }

    @Test
    void fallingToSeventyAndRisingToEightyFiveAfterTheGracePeriodNotifiesAgain() {
        String id = newAccount();
        Instant t = Instant.now();
        wire.usage(id, 82, t);
        awaitExactly(id, 1);
        wire.usage(id, 70, t.plusSeconds(60));
        wire.usage(id, 85, t.plusSeconds(120)); // within the grace period: nothing
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        assertThat(mails(id)).hasSize(1);

        wire.usage(id, 70, t.plusSeconds(180));
        quota.clock.advance(Duration.ofDays(7).plusHours(1));
        wire.usage(id, 85, t.plusSeconds(240));
        awaitExactly(id, 2);
        assertThat(levelsUp(id)).containsExactly(80, 80);
    }

    @Test
    void aFullMailboxIsToldAtOnceAndSoIsTheWayBackUnder() {
        String id = newAccount();
        Instant t = Instant.now();
        wire.usage(id, 60, t);
        wire.usage(id, 100, t.plusSeconds(60));
        wire.usage(id, 97, t.plusSeconds(120));
        awaitExactly(id, 2);
        assertThat(mails(id)).extracting(Inbox.Mail::subject).containsExactly(
                "Your mailbox is full — new mail is being returned to senders", "Your mailbox accepts mail again");
        assertThat(wire.alertsFor(id)).extracting(a -> ((QuotaLevelCrossed) a).direction())
                .containsExactly(QuotaLevelCrossed.Direction.UP, QuotaLevelCrossed.Direction.DOWN);
    }

    @Test
    void aSteadilyFillingMailboxIsWarnedBeforeItIsFull() {
        String id = newAccount();
        Instant start = Instant.now().minus(Duration.ofDays(12));
        for (int day = 0; day <= 12; day++) { // 71 % rising 1.5 points a day: full in about a week at the end
            wire.usage(id, 71 + 1.5 * day, start.plus(Duration.ofDays(day)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> wire.alertsFor(id).stream()
                .anyMatch(a -> a instanceof QuotaForecastWarning));
        QuotaForecastWarning warning = wire.alertsFor(id).stream().filter(QuotaForecastWarning.class::isInstance)
                .map(QuotaForecastWarning.class::cast).findFirst().orElseThrow();
        assertThat(warning.daysToFull()).isBetween(4.0, 16.0);
        assertThat(warning.resource()).isEqualTo(QuotaAlert.Resource.STORAGE);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(id).stream()
                .anyMatch(m -> m.subject().startsWith("Your mailbox will be full in about")));
        assertThat(wire.alertsFor(id).stream().filter(QuotaForecastWarning.class::isInstance)).hasSize(1);
    }

    @Test
    void aFlatMailboxIsNotWarned() {
        String id = newAccount();
        Instant start = Instant.now().minus(Duration.ofDays(12));
        for (int day = 0; day <= 12; day++) {
            wire.usage(id, 85, start.plus(Duration.ofDays(day)));
        }
        awaitExactly(id, 1);
        assertThat(levelsUp(id)).containsExactly(80);
    }

    @Test
    void aLoweredLimitIsToldWithoutWaitingForTheNextSample() {
        String id = newAccount();
        wire.usage(id, 60, Instant.now());
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        assertThat(mails(id)).isEmpty();

        wire.account(id, "cust-" + id, contact(id), Wire.GIB * 60 / 88, null); // 60 % of 1 GiB is 88 % of this
        awaitExactly(id, 1);
        assertThat(levelsUp(id)).containsExactly(80);
    }

    @Test
    void aCrossingNoEventAnnouncedIsCaughtByTheReconciliation() {
        String id = newAccount();
        // usage written while this replica was not listening (say, a sample evaluated by a replica that crashed)
        quota.bean(UsageStore.class).record(new UsageSample(AccountId.of(id), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Wire.GIB * 93 / 100, null, null, null));
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        assertThat(mails(id)).isEmpty();

        assertThat(quota.bean(ReconcileAccounts.class).reconcileAll()).isGreaterThanOrEqualTo(1);
        awaitExactly(id, 1);
        assertThat(levelsUp(id)).containsExactly(90);
    }
}
