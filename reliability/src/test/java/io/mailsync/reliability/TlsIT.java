package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * R10: a server whose certificate nobody trusts is refused unless the account trusts it explicitly, and a server
 * that advertises no STARTTLS is refused when the account requires TLS — in both cases before the password is sent
 * (no login at the server).
 */
@Order(100)
class TlsIT {

    private static final Set<String> REFUSED = Set.of("ERROR", "UNREACHABLE");

    @Test
    @DisplayName("R10: untrusted certificate refused; trusted explicitly accepted")
    void untrustedCertificate() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        try (TlsProxy tls = new TlsProxy(dovecot.imapPort())) {
            MailUser refusedUser = dovecot.newUser("r10untrusted", null);
            String customer = "r10-" + UUID.randomUUID();
            ApiClient api = stack.apiAs(customer);
            String refused = stack.apiAsAdmin().register(tlsAccount(customer, tls.port(), refusedUser, "SSL", false));
            await().atMost(Duration.ofSeconds(40)).until(() -> REFUSED.contains(api.status(refused)));
            int logins = logins(dovecot, refusedUser.login());

            MailUser trustingUser = dovecot.newUser("r10trusting", null);
            String id = Mail.newMessageId("r10");
            dovecot.deliver(trustingUser, Mail.text(id, trustingUser, "over TLS"));
            String trusting = stack.apiAsAdmin().register(tlsAccount(customer, tls.port(), trustingUser, "SSL", true));
            await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(trusting))
                    && Mail.listedIds(api, trusting).contains(id));
            Outcomes.held("R10", "untrusted certificate", 1, 2, 0, 0, logins,
                    "refused: " + api.status(refused) + " (" + tls.refusedHandshakes()
                            + " handshakes refused, 0 logins wanted: " + logins + "); trustAnyCertificate=true: IDLE");
            assertThat(logins).as("logins at the server over an untrusted certificate").isZero();
            stack.apiAsAdmin().removeAccount(refused);
            stack.apiAsAdmin().removeAccount(trusting);
        }
    }

    @Test
    @DisplayName("R10: STARTTLS stripped (server advertises none), account requires TLS")
    void starttlsStripping() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared(); // ssl = no: it advertises no STARTTLS
        MailUser user = dovecot.newUser("r10strip", null);
        String customer = "r10s-" + UUID.randomUUID();
        ApiClient api = stack.apiAs(customer);
        String account = stack.apiAsAdmin().register(tlsAccount(customer, dovecot.imapPort(), user, "STARTTLS", false));
        await().atMost(Duration.ofSeconds(40)).until(() -> REFUSED.contains(api.status(account)));
        int logins = logins(dovecot, user.login()) + AccountFaultsIT.authFailures(dovecot.log(), user.login());
        Outcomes.held("R10", "STARTTLS stripping", 1, 1, 0, 0, logins, "refused: " + api.status(account)
                + "; logins in plaintext at the server: " + logins);
        assertThat(logins).as("plaintext logins at a server without STARTTLS").isZero();
        stack.apiAsAdmin().removeAccount(account);
    }

    private static ObjectNode tlsAccount(String customer, int port, MailUser user, String security, boolean trust) {
        return Stack.account(customer, "IMAP", port, user.login(), user.password()).put("security", security)
                .put("trustAnyCertificate", trust);
    }

    /** Dovecot logs "Login: user=<...>" for every successful login. */
    private static int logins(Dovecot dovecot, String login) {
        return (int) Pattern.compile("Login: user=<" + Pattern.quote(login) + ">").matcher(dovecot.log())
                .results().count();
    }
}
