package io.mailsync.fetcher.support;

import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailEvent;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every fetcher integration test class on a mail server (Dovecot, GreenMail's IMAP and POP3) sets up the same
 * way: the real KRaft broker and MongoDB wire server ({@link TestInfrastructure}), a content store database of its
 * own, the crypto key the account feed encrypts passwords with, a tap on the event topic and the feed of accounts
 * and commands. Each class declares its own {@code @SpringBootTest} (its settings differ) and gets a context of its
 * own: its sessions and consumers stop before the next class starts, and the tap is closed with it.
 */
@DirtiesContext
public abstract class FetcherIntegrationTest {

    protected static TopicNames topics;
    protected static EventTap events;
    protected static AccountFeed accounts;
    /** The database of this class's content store (GridFS bucket {@code messages}). */
    protected static String contentDatabase;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = TestInfrastructure.register(registry, "mailsync-fetcher");
        String database = "mailsync-content-" + UUID.randomUUID().toString().substring(0, 8);
        contentDatabase = database;
        registry.add("mailsync.crypto.key-id", () -> AccountFeed.KEY_ID);
        registry.add("mailsync.crypto.key", () -> AccountFeed.KEY);
        registry.add("mailsync.content.uri", () -> MongoKit.uri(database));
        events = new EventTap(topics.events());
        accounts = new AccountFeed(topics);
    }

    @AfterAll
    static void untap() throws InterruptedException {
        events.close();
        accounts.close();
    }

    /** Registers an IMAP account for {@code user} on {@code port}; answers its id. */
    protected static String registerImap(MailUser user, int port) {
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, port, user.login(), user.password()));
        return accountId;
    }

    /** The account's first event of that type, once there is one. */
    protected static <T extends MailEvent> T awaitFirst(Class<T> type, String accountId, Duration within) {
        return await().atMost(within).until(() -> events.of(type, accountId), list -> !list.isEmpty()).getFirst();
    }

    /** The account's first status change to {@code status}, within 20 s. */
    protected static AccountStatusChanged awaitStatus(String accountId, Status status) {
        return awaitStatus(accountId, status, Instant.EPOCH, Duration.ofSeconds(20));
    }

    /** The account's first status change to {@code status} that occurred at or after {@code after}. */
    protected static AccountStatusChanged awaitStatus(String accountId, Status status, Instant after,
                                                      Duration within) {
        return await().atMost(within).until(() -> events.of(AccountStatusChanged.class, accountId).stream()
                .filter(s -> s.status() == status && !s.occurredAt().isBefore(after)).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
