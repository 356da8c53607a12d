package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MessageArrived;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 15: a session whose server ends it, or breaks the mailbox under it, is noticed within seconds — with the
 * default IDLE renewal and timeouts — not minutes later. Tried first as a user would: with the mailbox's directory
 * made unreadable mid-IDLE, Dovecot keeps the IDLE silent and answers every later command with {@code * NO Internal
 * error occurred}; before issue 15 the session took that as "nothing new" and stayed unsynced for minutes.
 */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s",
                "mailsync.fetcher.session.backoff-start=200ms", "mailsync.fetcher.session.backoff-max=2s",
                "mailsync.fetcher.breaker.open-for=1s"})
class ServerFailureIT extends FetcherIntegrationTest {

    @Test
    void aMailboxTheServerBreaksMidSessionIsNoticedWithinSecondsAndSyncedAgainOnceItRecovers() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("broken", null);
        String accountId = registerImap(user, dovecot.imapPort());
        awaitStatus(accountId, Status.IDLE, Instant.EPOCH, Duration.ofSeconds(30));

        Instant broken = Instant.now();
        try (Dovecot.Repair repair = dovecot.breakMailbox(user)) {
            AccountStatusChanged error = awaitStatus(accountId, Status.ERROR, broken, Duration.ofSeconds(60));
            Duration noticed = Duration.between(broken, error.occurredAt());
            // the default IDLE renewal is 30 s: the server's "* NO Internal error" answers the first command after it
            assertThat(noticed).as("time until the broken mailbox was noticed").isLessThan(Duration.ofSeconds(45));
        }
        Instant recovered = Instant.now();
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "after the repair", "1"));

        await().atMost(Duration.ofSeconds(40)).until(() -> events.of(MessageArrived.class, accountId),
                list -> !list.isEmpty());
        awaitStatus(accountId, Status.IDLE, recovered, Duration.ofSeconds(30));
        accounts.remove(accountId);
    }

    @Test
    void aServerThatEndsTheSessionIsReconnectedWithinSeconds() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("kicked", null);
        String accountId = registerImap(user, dovecot.imapPort());
        awaitStatus(accountId, Status.IDLE, Instant.EPOCH, Duration.ofSeconds(30));

        Instant kicked = Instant.now();
        dovecot.doveadm("kick", user.login()); // * BYE, then the server closes the connection

        AccountStatusChanged back = awaitStatus(accountId, Status.IDLE, kicked, Duration.ofSeconds(20));
        assertThat(events.of(AccountStatusChanged.class, accountId)).filteredOn(s -> s.occurredAt().isAfter(kicked))
                .extracting(AccountStatusChanged::status).contains(Status.CONNECTING);
        assertThat(Duration.between(kicked, back.occurredAt())).isLessThan(Duration.ofSeconds(10));
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "after the kick", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.of(MessageArrived.class, accountId),
                list -> !list.isEmpty());
        accounts.remove(accountId);
    }

}
