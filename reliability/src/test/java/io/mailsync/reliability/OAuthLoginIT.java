package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.DovecotAuth;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.TokenEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R19b (issue 22), through the gateway on the whole system: a mail host that logs in with OAUTHBEARER, whose token
 * endpoint rotates the refresh token at every grant and revokes the one used. The mailbox registered with its
 * refresh token syncs, and again after its access token expired and the server dropped the session (a new grant, a
 * new refresh token kept by the fetcher). Every token the endpoint hands out and the client secret are watched by
 * {@link SecretScan} as they are issued: R9 then finds none in a log line, a record or a document — the fetcher's
 * stored rotated token included.
 */
@Order(96)
class OAuthLoginIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    @DisplayName("R19b: a mailbox on an OAUTHBEARER host with a rotating token endpoint syncs across token refreshes")
    void aMailboxOnARotatingOauthHostSyncsAcrossRefreshesAndNoTokenLeaks() {
        String clientSecret = "r19b-client-" + UUID.randomUUID();
        SecretScan.watch(clientSecret);
        Stack stack = Stack.shared();
        try (TokenEndpoint oauth = TokenEndpoint.start("mailsync-r19b", clientSecret, Duration.ofSeconds(4), true)
                .tellingIssuedTokensTo(SecretScan::watch);
             Dovecot dovecot = Dovecot.start(DovecotAuth.master("unused-r19b", "unused-" + UUID.randomUUID())
                     .withOAuth2(oauth.introspectionUri()))) {
            MailUser user = dovecot.newUser("r19b", null);
            String hostId = "r19b-" + UUID.randomUUID().toString().substring(0, 8);
            ApiClient.Response host = stack.apiAsAdmin().send("PUT", "/api/v1/mail-hosts/" + hostId,
                    "application/json", ApiClient.JSON.createObjectNode().put("host", "127.0.0.1")
                            .put("port", dovecot.imapPort()).put("security", "NONE").put("mechanism", "OAUTHBEARER")
                            .put("tokenEndpoint", oauth.tokenUri().toString()).put("clientId", "mailsync-r19b")
                            .put("clientSecret", clientSecret).put("scope", "mail").toString());
            assertThat(host.status()).as(host.raw()).isEqualTo(201);
            String first = "<" + UUID.randomUUID() + "@r19b.test>";
            dovecot.deliver(user, Mail.text(first, user, "before the refresh"));

            String customer = "r19b-" + UUID.randomUUID();
            String accountId = stack.apiAsAdmin().register(ApiClient.JSON.createObjectNode()
                    .put("customerId", customer).put("protocol", "IMAP").put("mailHost", hostId)
                    .put("username", user.login()).put("password", oauth.refreshTokenFor(user.login()))
                    .put("pollInterval", "PT10S"));
            ApiClient api = stack.apiAs(customer);
            await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, first) != null
                    && "IDLE".equals(api.status(accountId)));
            int grants = oauth.grants();

            Instant expired = Instant.now().plusSeconds(5); // the 4 s token is dead: the next login needs a grant
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expired));
            dovecot.doveadm("kick", user.login());
            String second = "<" + UUID.randomUUID() + "@r19b.test>";
            dovecot.deliver(user, Mail.text(second, user, "after the refresh"));
            await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, second) != null);

            Outcomes.held("R19b", "mailbox on a rotating OAUTHBEARER host", 1, 2, 0, 0, 0,
                    "synced before and after a token refresh with rotation; grants " + oauth.grants());
            assertThat(oauth.grants()).isGreaterThan(grants);
            assertThat(dovecot.log()).contains("Login: user=<" + user.login() + ">, method=OAUTHBEARER");
            assertThat(stack.apiAsAdmin().delete("/api/v1/accounts/" + accountId).status()).isEqualTo(204);
        }
    }
}
