package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.HostLogin;
import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.TopicNames;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.EventTap;
import io.mailsync.fetcher.support.FetcherGroup;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.DovecotAuth;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.Requirements;
import io.mailsync.testkit.TokenEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 22: a token endpoint that rotates the refresh token at every grant and revokes the one used. The fetcher
 * keeps the rotated one encrypted in its database, so after a restart — a new process that only has the registered
 * token, long revoked — the mailbox logs in again with the stored one: no AUTH_FAILED, the mail delivered meanwhile
 * arrives. The database holds the token only sealed.
 */
class RotatedRefreshTokenRestartIT {

    private static final String CLIENT_SECRET = "client-" + UUID.randomUUID();
    private static final SecretCipher CIPHER = new SecretCipher(AccountFeed.KEY_ID, AccountFeed.KEY);
    private static final Map<String, String> QUICK = Map.of("mailsync.fetcher.session.backoff-start", "200ms",
            "mailsync.fetcher.session.backoff-max", "1s");
    private static TokenEndpoint oauth;
    private static Dovecot dovecot;

    @BeforeAll
    static void servers() {
        Requirements.dovecot();
        oauth = TokenEndpoint.start("mailsync", CLIENT_SECRET, Duration.ofSeconds(4), true);
        dovecot = Dovecot.start(DovecotAuth.master("mailsync-master", "unused-" + UUID.randomUUID())
                .withOAuth2(oauth.introspectionUri()));
    }

    @AfterAll
    static void stop() {
        dovecot.close();
        oauth.close();
    }

    @Test
    void aRotatedRefreshTokenOutlivesTheFetcherAndIsStoredOnlySealed() throws Exception {
        TopicNames topics = KafkaKit.newNamespace();
        String database = "mailsync-fetcher-" + UUID.randomUUID().toString().substring(0, 8);
        MailUser user = dovecot.newUser("rotating", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "before", "1"));
        String registered = oauth.refreshTokenFor(user.login());
        String accountId = "acc-" + UUID.randomUUID();
        try (EventTap events = new EventTap(topics.events()); AccountFeed accounts = new AccountFeed(topics)) {
            try (ConfigurableApplicationContext first = FetcherGroup.start("fetcher-1", topics, database, QUICK)) {
                accounts.register(withRefreshToken(accounts.imap(accountId, dovecot.imapPort(), user.login(),
                        "unused"), registered));
                await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MessageArrived.class, accountId)
                        .isEmpty());
            } // the registered token was revoked at the first grant: only the stored rotated one still works
            assertThat(oauth.grants()).isPositive();
            Document stored = storedToken(database, accountId);
            assertThat(stored.getString("token")).startsWith("v1:" + AccountFeed.KEY_ID + ":").doesNotContain("rt-");
            assertThat(stored.toJson()).doesNotContain(registered);

            dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "after", "2"));
            Instant restarted = Instant.now();
            try (ConfigurableApplicationContext second = FetcherGroup.start("fetcher-2", topics, database, QUICK)) {
                List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(45))
                        .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() >= 2);
                assertThat(arrived).extracting(MessageArrived::subject).containsExactly("before", "after");
                assertThat(events.of(AccountStatusChanged.class, accountId)).as("statuses since the restart")
                        .filteredOn(s -> !s.occurredAt().isBefore(restarted))
                        .extracting(AccountStatusChanged::status).doesNotContain(Status.AUTH_FAILED);
                accounts.remove(accountId);
            }
        }
    }

    private static AccountSpec withRefreshToken(AccountSpec spec, String refreshToken) {
        HostLogin host = new HostLogin("rotating-provider", Mechanism.OAUTHBEARER, null, null, null,
                new HostLogin.OAuthClient(oauth.tokenUri(), "mailsync", CIPHER.encrypt(
                        HostLogin.secretContext("rotating-provider"), CLIENT_SECRET), "mail"), null);
        return spec.withSecret(CIPHER.encrypt(spec.accountId().value(), refreshToken), Instant.now())
                .withHostLogin(host, Instant.now());
    }

    /** The fetchers' stored token of the account, read as a database dump would. */
    private static Document storedToken(String database, String accountId) {
        try (var client = MongoClients.create(MongoKit.baseUri())) {
            return client.getDatabase(database).getCollection("rotated_refresh_tokens")
                    .find(new Document("_id", accountId)).first();
        }
    }
}
