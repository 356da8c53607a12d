package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.AccessTokens;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which identity and secret each mechanism logs in with, and when a token is refreshed (issue 22). */
class LoginsTest {

    private static final SecretCipher CIPHER = new SecretCipher("k", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private final SettableClock clock = SettableClock.fixedAt(Instant.parse("2026-12-03T08:00:00Z"));
    /** The token endpoint's part, recorded: the refresh tokens it was given; it rotates each one. */
    private final List<String> refreshedWith = new ArrayList<>();
    private final AccessTokens endpoint = (client, secret, refreshToken) -> {
        refreshedWith.add(refreshToken + " by " + secret);
        return new AccessTokens.AccessToken("at-" + refreshedWith.size(), clock.instant().plusSeconds(3600),
                "rotated-" + refreshedWith.size());
    };
    private final InMemoryRotatedRefreshTokens stored = new InMemoryRotatedRefreshTokens();
    private final Logins logins = new Logins(CIPHER, endpoint, stored, clock);

    @Test
    void aMailboxWithoutAProfileLogsInWithItsOwnPasswordAsBefore() {
        MailLogin login = logins.next(spec("alice", CIPHER.encrypt("acc-1", "alice-pw"), null));

        assertThat(login).extracting(MailLogin::mechanism, MailLogin::user, MailLogin::secret,
                MailLogin::authorizationId).containsExactly(Mechanism.LOGIN, "alice", "alice-pw", null);
        assertThat(login.toString()).doesNotContain("alice-pw");
    }

    @Test
    void aMasterProfileLogsInAsTheMasterActingAsTheMailboxUser() {
        MailLogin plain = logins.next(spec("alice", null, master(Mechanism.MASTER_PLAIN)));
        MailLogin star = logins.next(spec("alice", null, master(Mechanism.MASTER_SEPARATOR)));

        assertThat(plain).extracting(MailLogin::user, MailLogin::secret, MailLogin::authorizationId)
                .containsExactly("mailsync", "master-pw", "alice");
        assertThat(star).extracting(MailLogin::user, MailLogin::secret, MailLogin::authorizationId)
                .containsExactly("alice*mailsync", "master-pw", null);
        assertThat(plain.toString()).contains("mailsync as alice").doesNotContain("master-pw");
    }

    @Test
    void aMailboxWithNeitherPasswordNorAProfileThatLogsInForItIsAnAccountError() {
        assertThatThrownBy(() -> logins.next(spec("alice", null, null)))
                .isInstanceOf(MailServerException.Unsupported.class).hasMessageContaining("no password");
    }

    @Test
    void aTokenIsKeptUntilShortlyBeforeItExpiresThenRefreshedWithTheRotatedRefreshToken() {
        AccountSpec spec = spec("alice", CIPHER.encrypt("acc-1", "rt-registered"), oauth());

        assertThat(logins.next(spec).secret()).isEqualTo("at-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(logins.next(spec).secret()).isEqualTo("at-1");
        clock.advance(Duration.ofSeconds(31)); // within 30 s of expiry: a new connection gets a new token
        assertThat(logins.next(spec).secret()).isEqualTo("at-2");

        assertThat(refreshedWith).containsExactly("rt-registered by client-secret", "rotated-1 by client-secret");
    }

    @Test
    void aReplacedRefreshTokenIsUsedAtOnceInsteadOfTheHeldOne() {
        logins.next(spec("alice", CIPHER.encrypt("acc-1", "rt-old"), oauth()));

        MailLogin login = logins.next(spec("alice", CIPHER.encrypt("acc-1", "rt-new"), oauth()));

        assertThat(login.secret()).isEqualTo("at-2");
        assertThat(refreshedWith).last().isEqualTo("rt-new by client-secret");
    }

    @Test
    void aRotatedRefreshTokenOutlivesTheFetcherStoredEncryptedAndIsUsedAfterARestart() {
        AccountSpec spec = spec("alice", CIPHER.encrypt("acc-1", "rt-registered"), oauth());
        logins.next(spec); // the endpoint answers with rotated-1 and, as RFC 6749 §6 allows, revokes rt-registered

        Logins restarted = new Logins(CIPHER, endpoint, stored, clock); // a new fetcher process, same database
        assertThat(restarted.next(spec).secret()).isEqualTo("at-2");

        assertThat(refreshedWith).containsExactly("rt-registered by client-secret", "rotated-1 by client-secret");
        assertThat(stored.all()).singleElement().satisfies(s -> assertThat(s.encryptedToken())
                .startsWith("v1:k:").doesNotContain("rotated"));
    }

    @Test
    void aStoredRotationIsIgnoredOnceTheOperatorReplacedTheRefreshToken() {
        logins.next(spec("alice", CIPHER.encrypt("acc-1", "rt-old"), oauth())); // rotated-1 stored for rt-old

        Logins restarted = new Logins(CIPHER, endpoint, stored, clock);
        restarted.next(spec("alice", CIPHER.encrypt("acc-1", "rt-patched"), oauth()));

        assertThat(refreshedWith).last().isEqualTo("rt-patched by client-secret");
    }

    @Test
    void aReEncryptedRegistrationKeepsItsLineageAndTheHeldToken() {
        SecretCipher rotatedKey = new SecretCipher("k2", "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=",
                java.util.Map.of("k", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        Logins withBothKeys = new Logins(rotatedKey, endpoint, stored, clock);
        withBothKeys.next(spec("alice", CIPHER.encrypt("acc-1", "rt-registered"), oauth()));

        MailLogin login = withBothKeys.next(spec("alice", rotatedKey.encrypt("acc-1", "rt-registered"), oauth()));

        assertThat(login.secret()).as("the same token, not a new grant").isEqualTo("at-1");
        assertThat(refreshedWith).hasSize(1);
    }

    private static HostLogin master(Mechanism mechanism) {
        return new HostLogin("isp", mechanism, "mailsync", CIPHER.encrypt(HostLogin.secretContext("isp"),
                "master-pw"), null, null, null);
    }

    private static HostLogin oauth() {
        return new HostLogin("provider", Mechanism.OAUTHBEARER, null, null, null, new HostLogin.OAuthClient(
                URI.create("https://login.example/token"), "mailsync",
                CIPHER.encrypt(HostLogin.secretContext("provider"), "client-secret"), null), null);
    }

    private static AccountSpec spec(String user, String encryptedSecret, HostLogin host) {
        return new AccountSpec(AccountId.of("acc-1"), "cust-1", AccountSpec.Protocol.IMAP, "imap.example", 143,
                AccountSpec.Security.NONE, false, user, encryptedSecret, null, null, null, false, null, null, null,
                Instant.now(), null, host);
    }
}
