package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.HostedMailboxes;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.MailHost;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Issue 22: a key rotation re-encrypts the mail hosts' secrets too, and hands them to their mailboxes. */
class ReEncryptMailHostsTest {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    private final SecretCipher underA = new SecretCipher("a", KEY_A);
    private final SecretCipher rotated = new SecretCipher("b", KEY_B, Map.of("a", KEY_A));
    private final Map<String, MailHost> stored = new TreeMap<>();
    private final List<HostLogin> applied = new ArrayList<>();

    private final MailHostStore hosts = new MailHostStore() {
        public boolean save(MailHost host) {
            return stored.put(host.id(), host) == null;
        }

        public Optional<MailHost> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        public List<MailHost> all() {
            return List.copyOf(stored.values());
        }

        public boolean delete(String id) {
            return stored.remove(id) != null;
        }
    };
    private final HostedMailboxes mailboxes = new HostedMailboxes() {
        public List<AccountId> on(String hostId) {
            return List.of();
        }

        public long applyLogin(HostLogin login, Instant at) {
            applied.add(login);
            return 1;
        }
    };

    @Test
    void secretsUnderAPreviousKeyAreSealedWithTheCurrentOneAndGoToTheMailboxes() {
        hosts.save(host("master", new HostLogin("master", HostLogin.Mechanism.MASTER_PLAIN, "mailsync",
                underA.encrypt(HostLogin.secretContext("master"), "master-pw"), null, null, 5)));
        hosts.save(host("oauth", new HostLogin("oauth", HostLogin.Mechanism.XOAUTH2, null, null, null,
                new HostLogin.OAuthClient(URI.create("https://login.example/token"), "c",
                        underA.encrypt(HostLogin.secretContext("oauth"), "client-secret"), null), null)));

        int done = new ReEncryptMailHosts(hosts, mailboxes, rotated, Clock.systemUTC()).reEncryptAll();

        assertThat(done).isEqualTo(2);
        HostLogin master = stored.get("master").login();
        HostLogin oauth = stored.get("oauth").login();
        assertThat(rotated.needsReEncryption(master.encryptedMasterSecret())).isFalse();
        assertThat(rotated.needsReEncryption(oauth.oauth().encryptedClientSecret())).isFalse();
        SecretCipher onlyB = new SecretCipher("b", KEY_B);
        assertThat(onlyB.decrypt(HostLogin.secretContext("master"), master.encryptedMasterSecret()))
                .isEqualTo("master-pw");
        assertThat(onlyB.decrypt(HostLogin.secretContext("oauth"), oauth.oauth().encryptedClientSecret()))
                .isEqualTo("client-secret");
        assertThat(applied).containsExactlyInAnyOrder(master, oauth);
        assertThat(new ReEncryptMailHosts(hosts, mailboxes, rotated, Clock.systemUTC()).reEncryptAll()).isZero();
    }

    @Test
    void aSecretNoConfiguredKeyOpensStaysAsItIs() {
        String sealed = underA.encrypt(HostLogin.secretContext("lost"), "pw");
        hosts.save(host("lost", new HostLogin("lost", HostLogin.Mechanism.MASTER_PLAIN, "m", sealed, null, null,
                null)));

        int done = new ReEncryptMailHosts(hosts, mailboxes, new SecretCipher("b", KEY_B), Clock.systemUTC())
                .reEncryptAll();

        assertThat(done).isZero();
        assertThat(stored.get("lost").login().encryptedMasterSecret()).isEqualTo(sealed);
        assertThat(applied).isEmpty();
    }

    private static MailHost host(String id, HostLogin login) {
        return new MailHost(id, "imap.example.test", 993, AccountSpec.Security.SSL, false, login, Instant.now());
    }
}
