package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.FolderReset;
import io.mailsync.events.HostLogin;
import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.DovecotAuth;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.Requirements;
import io.mailsync.testkit.TokenEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 22 on a real Dovecot with a master passdb and an oauth2 passdb asking a local token endpoint: a mailbox
 * registered with no password of its own syncs and writes back through the ISP's master credential (SASL PLAIN with
 * an authorization id, or Dovecot's {@code user*master}), over IMAP and POP3, and Dovecot's log shows the master
 * acting as the user; XOAUTH2 and OAUTHBEARER log in with an access token from the mailbox's refresh token, and a
 * token that expired is refreshed on the next connection while the session's cursors carry on.
 */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s",
                "mailsync.fetcher.session.backoff-start=200ms", "mailsync.fetcher.session.backoff-max=1s",
                "mailsync.fetcher.breaker.open-for=1s"})
class HostLoginDovecotIT extends FetcherIntegrationTest {

    private static final String MASTER = "mailsync-master";
    private static final String MASTER_PASSWORD = "master-" + UUID.randomUUID();
    private static final String CLIENT_SECRET = "client-" + UUID.randomUUID();
    private static final SecretCipher CIPHER = new SecretCipher(AccountFeed.KEY_ID, AccountFeed.KEY);
    private static TokenEndpoint oauth;
    private static Dovecot dovecot;

    @BeforeAll
    static void servers() {
        Requirements.dovecot();
        oauth = TokenEndpoint.start("mailsync", CLIENT_SECRET, Duration.ofSeconds(4));
        dovecot = Dovecot.start(DovecotAuth.master(MASTER, MASTER_PASSWORD).withOAuth2(oauth.introspectionUri()));
    }

    @AfterAll
    static void stop() {
        dovecot.close();
        oauth.close();
    }

    @Test
    void aMailboxWithNoPasswordSyncsAndWritesBackAsTheMasterActingAsItsUser() {
        MailUser user = dovecot.newUser("master-plain", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "one", "1"));
        AccountSpec spec = accounts.register(withoutPassword(accounts.imap("acc-" + UUID.randomUUID(),
                dovecot.imapPort(), user.login(), "unused"), master(Mechanism.MASTER_PLAIN)));
        MessageArrived arrived = awaitFirst(MessageArrived.class, spec.accountId().value(), Duration.ofSeconds(20));
        awaitStatus(spec.accountId().value(), Status.IDLE);

        accounts.command(new SetFlags(UUID.randomUUID(), Instant.now(), spec.accountId(), Origin.device("phone-1"),
                arrived.locator(), Set.of("$seen"), Set.of(), arrived.modSeq()));

        await().atMost(Duration.ofSeconds(15)).until(() -> dovecot.doveadm("fetch", "-u", user.login(), "flags",
                "mailbox", "INBOX", "all").contains("\\Seen"));
        assertThat(awaitFirst(MessageFlagsChanged.class, spec.accountId().value(), Duration.ofSeconds(10)).origin())
                .isEqualTo(Origin.device("phone-1"));
        assertThat(dovecot.log()).contains("Master user logging in as " + user.login())
                .contains("Login: user=<" + user.login() + ">, method=PLAIN");
        accounts.remove(spec.accountId().value());
    }

    @Test
    void dovecotsUserStarMasterFormLogsInAsTheUserToo() {
        MailUser user = dovecot.newUser("master-star", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "star", "1"));
        AccountSpec spec = accounts.register(withoutPassword(accounts.imap("acc-" + UUID.randomUUID(),
                dovecot.imapPort(), user.login(), "unused"), master(Mechanism.MASTER_SEPARATOR)));

        assertThat(awaitFirst(MessageArrived.class, spec.accountId().value(), Duration.ofSeconds(20)).subject())
                .isEqualTo("star");
        accounts.remove(spec.accountId().value());
    }

    @Test
    void aPop3MailboxLogsInAsTheMasterActingAsItsUser() {
        MailUser user = dovecot.newUser("master-pop3", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "pop", "1"));
        AccountSpec spec = accounts.register(withoutPassword(accounts.pop3("acc-" + UUID.randomUUID(),
                dovecot.pop3Port(), user.login(), "unused", null), master(Mechanism.MASTER_PLAIN)));

        assertThat(awaitFirst(MessageArrived.class, spec.accountId().value(), Duration.ofSeconds(20)).subject())
                .isEqualTo("pop");
        assertThat(dovecot.log()).contains("pop3-login: Info: Login: user=<" + user.login() + ">, method=PLAIN");
        accounts.remove(spec.accountId().value());
    }

    @Test
    void aWrongMasterPasswordIsAnAuthFailureThatNamesNoSecret() {
        MailUser user = dovecot.newUser("master-wrong", null);
        String wrong = "wrong-" + UUID.randomUUID();
        HostLogin host = new HostLogin("isp-wrong", Mechanism.MASTER_PLAIN, MASTER,
                CIPHER.encrypt(HostLogin.secretContext("isp-wrong"), wrong), null, null, null);
        AccountSpec spec = accounts.register(withoutPassword(accounts.imap("acc-" + UUID.randomUUID(),
                dovecot.imapPort(), user.login(), "unused"), host));

        AccountStatusChanged failed = awaitStatus(spec.accountId().value(), Status.AUTH_FAILED);

        assertThat(failed.reason()).doesNotContain(wrong).doesNotContain(MASTER_PASSWORD);
        accounts.remove(spec.accountId().value());
    }

    @Test
    void oauthBearerLogsInWithATokenAndAnExpiredOneIsRefreshedWithoutLosingTheSessionsState() {
        MailUser user = dovecot.newUser("bearer", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "before", "1"));
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(withRefreshToken(accounts.imap(accountId, dovecot.imapPort(), user.login(), "unused"),
                oauth.refreshTokenFor(user.login()), Mechanism.OAUTHBEARER));
        awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        awaitStatus(accountId, Status.IDLE);
        int grants = oauth.grants();

        Instant expired = Instant.now().plusSeconds(5); // the 4 s token is dead by then: a new login needs a new one
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expired));
        dovecot.doveadm("kick", user.login()); // the server ends the session; the fetcher must log in again
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "after", "2"));

        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() >= 2);
        assertThat(arrived).extracting(MessageArrived::subject).containsExactly("before", "after");
        assertThat(oauth.grants()).isGreaterThan(grants);
        assertThat(events.of(FolderReset.class, accountId)).isEmpty();
        assertThat(dovecot.log()).contains("Login: user=<" + user.login() + ">, method=OAUTHBEARER");
        accounts.remove(accountId);
    }

    @Test
    void xoauth2LogsInOverImapAndPop3() {
        MailUser user = dovecot.newUser("xoauth2", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "x", "1"));
        String imapId = "acc-" + UUID.randomUUID();
        String pop3Id = "acc-" + UUID.randomUUID();
        accounts.register(withRefreshToken(accounts.imap(imapId, dovecot.imapPort(), user.login(), "unused"),
                oauth.refreshTokenFor(user.login()), Mechanism.XOAUTH2));
        accounts.register(withRefreshToken(accounts.pop3(pop3Id, dovecot.pop3Port(), user.login(), "unused", null),
                oauth.refreshTokenFor(user.login()), Mechanism.XOAUTH2));

        assertThat(awaitFirst(MessageArrived.class, imapId, Duration.ofSeconds(20)).subject()).isEqualTo("x");
        assertThat(awaitFirst(MessageArrived.class, pop3Id, Duration.ofSeconds(20)).subject()).isEqualTo("x");
        assertThat(dovecot.log()).contains("imap-login: Info: Login: user=<" + user.login() + ">, method=XOAUTH2")
                .contains("pop3-login: Info: Login: user=<" + user.login() + ">, method=XOAUTH2");
        accounts.remove(imapId);
        accounts.remove(pop3Id);
    }

    @Test
    void aPolledPop3MailboxOfAnOauthBearerHostLogsInWithATokenPollAfterPoll() {
        MailUser user = dovecot.newUser("bearer-pop3", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "first", "1"));
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(withRefreshToken(accounts.pop3(accountId, dovecot.pop3Port(), user.login(), "unused", null),
                oauth.refreshTokenFor(user.login()), Mechanism.OAUTHBEARER));
        assertThat(awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20)).subject()).isEqualTo("first");
        int grants = oauth.grants();

        Instant expired = Instant.now().plusSeconds(5); // the 4 s token is dead by then: the next poll needs a new one
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expired));
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "second", "2"));

        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() >= 2);
        assertThat(arrived).extracting(MessageArrived::subject).containsExactly("first", "second");
        assertThat(oauth.grants()).as("a fresh token for a later poll").isGreaterThan(grants);
        // Angus' POP3 has no SASL framework: the OAUTHBEARER host's token goes as XOAUTH2 (the same bearer token)
        assertThat(dovecot.log()).contains("pop3-login: Info: Login: user=<" + user.login() + ">, method=XOAUTH2");
        accounts.remove(accountId);
    }

    private static HostLogin master(Mechanism mechanism) {
        return new HostLogin("isp-dovecot", mechanism, MASTER,
                CIPHER.encrypt(HostLogin.secretContext("isp-dovecot"), MASTER_PASSWORD), null, null, null);
    }

    private static AccountSpec withoutPassword(AccountSpec spec, HostLogin host) {
        return spec.withSecret(null, Instant.now()).withHostLogin(host, Instant.now());
    }

    private static AccountSpec withRefreshToken(AccountSpec spec, String refreshToken, Mechanism mechanism) {
        HostLogin host = new HostLogin("mail-provider", mechanism, null, null, null, new HostLogin.OAuthClient(
                oauth.tokenUri(), "mailsync", CIPHER.encrypt(HostLogin.secretContext("mail-provider"), CLIENT_SECRET),
                "mail"), null);
        return spec.withSecret(CIPHER.encrypt(spec.accountId().value(), refreshToken), Instant.now())
                .withHostLogin(host, Instant.now());
    }
}
