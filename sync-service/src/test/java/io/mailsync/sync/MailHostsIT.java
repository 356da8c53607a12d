package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the operator registers a mail host once — address, mechanism, master credential, connection budget — and
 * mailboxes registered with {@code mailHost} and no password reach the fetchers with the host's login, its secret
 * only ever encrypted; the API never answers a secret; a changed host reaches its mailboxes at once.
 */
class MailHostsIT extends SyncIntegrationTest {

    private final SecretCipher cipher = new SecretCipher(CRYPTO_KEY_ID, CRYPTO_KEY);

    @Test
    void aMailboxOnAMasterHostIsPublishedWithTheHostsLoginAndNoPasswordOfItsOwn() {
        String hostId = "isp-" + UUID.randomUUID().toString().substring(0, 8);
        String masterPassword = "master-" + UUID.randomUUID();
        ApiClient.Response created = admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json",
                body(master(masterPassword, 5)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(masterPassword);
        assertThat(created.body().get("masterPasswordSet").asBoolean()).isTrue();

        String accountId = register(hosted(hostId, null));

        AccountSpec spec = Broker.decode(Broker.await(topics.accounts(), r -> accountId.equals(r.key()),
                Duration.ofSeconds(20)), AccountSpec.class).orElseThrow();
        assertThat(spec.encryptedSecret()).isNull();
        assertThat(spec.host()).isEqualTo("imap.example.test");
        assertThat(spec.hostLogin().mechanism()).isEqualTo(HostLogin.Mechanism.MASTER_PLAIN);
        assertThat(spec.hostLogin().connectionBudget()).isEqualTo(5);
        assertThat(cipher.decrypt(HostLogin.secretContext(hostId), spec.hostLogin().encryptedMasterSecret()))
                .isEqualTo(masterPassword);
        assertThat(Broker.await(topics.accounts(), r -> accountId.equals(r.key()), Duration.ofSeconds(5)).value())
                .doesNotContain(masterPassword);
        assertThat(admin().get("/api/v1/accounts/" + accountId).body().get("mailHost").asString()).isEqualTo(hostId);
        ApiClient.Response patched = admin().send("PATCH", "/api/v1/accounts/" + accountId, "application/json",
                body(map("password", "customer-pw")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(400);
        assertThat(patched.raw()).contains("takes no password");
    }

    @Test
    void aReplacedHostReachesItsMailboxesAndKeepsTheSecretItWasNotGivenAgain() {
        String hostId = "isp-" + UUID.randomUUID().toString().substring(0, 8);
        String masterPassword = "master-" + UUID.randomUUID();
        admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json", body(master(masterPassword, 5)));
        String accountId = register(hosted(hostId, null));

        Map<String, Object> smaller = master(null, 2);
        ApiClient.Response replaced = admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json",
                body(smaller));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        List<ConsumerRecord<String, String>> specs = Broker.awaitAll(topics.accounts(),
                r -> accountId.equals(r.key()), 2, Duration.ofSeconds(20));
        AccountSpec latest = Broker.decode(specs.getLast(), AccountSpec.class).orElseThrow();
        assertThat(latest.hostLogin().connectionBudget()).isEqualTo(2);
        assertThat(cipher.decrypt(HostLogin.secretContext(hostId), latest.hostLogin().encryptedMasterSecret()))
                .isEqualTo(masterPassword);
        assertThat(admin().delete("/api/v1/mail-hosts/" + hostId).status()).isEqualTo(409); // still in use
        assertThat(admin().delete("/api/v1/accounts/" + accountId).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/mail-hosts/" + hostId).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/mail-hosts/" + hostId).status()).isEqualTo(404);
    }

    @Test
    void aMailboxOnAnOauthHostCarriesItsRefreshTokenAndTheHostsClientEncrypted() {
        String hostId = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        String clientSecret = "client-" + UUID.randomUUID();
        String refreshToken = "rt-" + UUID.randomUUID();
        ApiClient.Response created = admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json",
                body(map("host", "imap.example.test", "port", 993, "security", "SSL", "mechanism", "OAUTHBEARER",
                        "tokenEndpoint", "https://login.example.test/token", "clientId", "mailsync",
                        "clientSecret", clientSecret, "scope", "mail")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(clientSecret);
        assertThat(created.body().get("clientSecretSet").asBoolean()).isTrue();

        String accountId = register(hosted(hostId, refreshToken));

        AccountSpec spec = Broker.decode(Broker.await(topics.accounts(), r -> accountId.equals(r.key()),
                Duration.ofSeconds(20)), AccountSpec.class).orElseThrow();
        assertThat(spec.hostLogin().mechanism()).isEqualTo(HostLogin.Mechanism.OAUTHBEARER);
        assertThat(cipher.decrypt(accountId, spec.encryptedSecret())).isEqualTo(refreshToken);
        assertThat(cipher.decrypt(HostLogin.secretContext(hostId), spec.hostLogin().oauth().encryptedClientSecret()))
                .isEqualTo(clientSecret);
        assertThat(admin().post("/api/v1/accounts", json(hosted(hostId, null))).status())
                .as("an OAuth mailbox needs its refresh token").isEqualTo(400);
    }

    @Test
    void badRequestsAreRefusedWithAReasonAndNothingIsStored() {
        String hostId = "isp-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient customer = customer(newCustomer());

        assertThat(customer.send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json",
                body(master("pw", 5))).status()).isEqualTo(403);
        ApiClient.Response noSecret = admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json",
                body(master(null, 5)));
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.raw()).contains("master username and secret");
        assertThat(admin().get("/api/v1/mail-hosts/" + hostId).status()).isEqualTo(404);

        admin().send("PUT", "/api/v1/mail-hosts/" + hostId, "application/json", body(master("pw", 5)));
        ApiClient.Response withPassword = admin().post("/api/v1/accounts", json(hosted(hostId, "customer-pw")));
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.raw()).contains("without a password");
        ApiClient.Response unknown = admin().post("/api/v1/accounts", json(hosted("no-such-host", null)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("not a registered mail host");
    }

    private static Map<String, Object> master(String masterPassword, int budget) {
        Map<String, Object> host = new HashMap<>(map("host", "imap.example.test", "port", 993, "security", "SSL",
                "mechanism", "MASTER_PLAIN", "masterUsername", "mailsync", "connectionBudget", budget));
        if (masterPassword != null) {
            host.put("masterPassword", masterPassword);
        }
        return host;
    }

    private static Map<String, Object> hosted(String hostId, String password) {
        Map<String, Object> mailbox = new HashMap<>(map("customerId", newCustomer(), "protocol", "IMAP",
                "username", "user-" + UUID.randomUUID().toString().substring(0, 6), "mailHost", hostId));
        if (password != null) {
            mailbox.put("password", password);
        }
        return mailbox;
    }
}
