package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.EventTap;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.TestInfrastructure;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The walking skeleton: an account registered on Kafka is watched over IMAP IDLE and its mail announced. */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s"})
class ImapIdleIT {

    private static TopicNames topics;
    private static EventTap events;
    private static AccountFeed accounts;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = TestInfrastructure.register(registry, "mailsync-fetcher");
        registry.add("mailsync.crypto.key-id", () -> AccountFeed.KEY_ID);
        registry.add("mailsync.crypto.key", () -> AccountFeed.KEY);
        events = new EventTap(topics.events());
        accounts = new AccountFeed(topics);
    }

    @AfterAll
    static void untap() throws InterruptedException {
        events.close();
        accounts.close();
    }

    @Test
    void announcesExistingMailThenNewMailPushedByIdleAndStopsOnTombstone() {
        MailUser user = GreenMailKit.newUser("idle");
        int port = GreenMailKit.imapPort();
        String existingId = "<" + UUID.randomUUID() + "@mailsync.test>";
        Flags flags = new Flags(Flags.Flag.SEEN);
        flags.add(Flags.Flag.FLAGGED);
        flags.add("work");
        Mailboxes.append(port, user.login(), user.password(),
                MailText.withMessageId(existingId, "Alice <alice@example.net>", user.address(), "Already there", "hi"),
                flags);
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.imap(accountId, port, user.login(), user.password()));

        MessageArrived existing = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> !list.isEmpty()).getFirst();
        assertThat(existing.messageIdHeader()).isEqualTo(existingId);
        assertThat(existing.subject()).isEqualTo("Already there");
        assertThat(existing.from()).containsExactly("Alice <alice@example.net>");
        assertThat(existing.to()).containsExactly(user.address());
        assertThat(existing.flags()).containsExactlyInAnyOrder("$seen", "$flagged", "work");
        assertThat(existing.locator().folder()).isEqualTo("INBOX");
        assertThat(existing.locator().uidValidity()).isPositive();
        assertThat(existing.size()).isPositive();
        assertThat(existing.sentAt()).isNotNull();
        assertThat(existing.receivedAt()).isNotNull();
        assertThat(existing.rebuild()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.of(AccountStatusChanged.class, accountId).stream()
                .anyMatch(s -> s.status() == AccountStatusChanged.Status.IDLE));
        String newId = "<" + UUID.randomUUID() + "@mailsync.test>";
        Mailboxes.append(port, user.login(), user.password(),
                MailText.withMessageId(newId, "bob@example.net", user.address(), "Just arrived", "hello"),
                new Flags());

        MessageArrived pushed = await().atMost(Duration.ofSeconds(10))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() >= 2).get(1);
        assertThat(pushed.messageIdHeader()).isEqualTo(newId);
        assertThat(pushed.flags()).isEmpty();
        assertThat(pushed.locator().uid()).isGreaterThan(existing.locator().uid());
        assertThat(events.of(MessageArrived.class, accountId)).hasSize(2);

        accounts.remove(accountId);

        await().atMost(Duration.ofSeconds(15)).until(() -> events.of(AccountStatusChanged.class, accountId).stream()
                .anyMatch(s -> s.status() == AccountStatusChanged.Status.STOPPED));
    }
}
