package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R4: an account stuck after an outage, or a reconnect loop hammering the server (the anchors saw 17 logins a
 * second), must not happen. The status changes within 10 s of the fault, attempts follow the back-off (counted at
 * the server's side), and the account recovers by itself when the server returns.
 */
@Order(40)
class AccountFaultsIT {

    private static final Duration STATUS_WITHIN = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(16);

    @Test
    @DisplayName("R4: server goes away mid-IDLE and returns")
    void serverGoneAndBack() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("r4gone", null);
        String before = Mail.newMessageId("before");
        dovecot.deliver(user, Mail.text(before, user, "before the outage"));
        try (TcpProxy server = new TcpProxy(dovecot.imapPort())) {
            String customer = "r4-" + UUID.randomUUID();
            String accountId = stack.registerImap(customer, server.port(), user.login(), user.password());
            ApiClient api = stack.apiAs(customer);
            await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId)));
            assertThat(Mail.listedIds(api, accountId)).containsExactly(before);

            int connectionsBefore = server.accepted();
            Instant gone = Instant.now();
            server.mode(TcpProxy.Mode.GONE);
            await().atMost(STATUS_WITHIN).until(() -> Set.of("UNREACHABLE", "ERROR").contains(api.status(accountId)));
            long statusMillis = Duration.between(gone, Instant.now()).toMillis();

            String during = Mail.newMessageId("during");
            dovecot.deliver(user, Mail.text(during, user, "during the outage"));
            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(1)).until(() -> true);
            int attempts = server.accepted() - connectionsBefore;

            server.mode(TcpProxy.Mode.FORWARD);
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(45)).until(() -> "IDLE".equals(api.status(accountId))
                    && Mail.listedIds(api, accountId).contains(during));
            long recoveryMillis = Duration.between(back, Instant.now()).toMillis();
            Set<String> listed = Mail.listedIds(api, accountId);
            int lost = listed.containsAll(Set.of(before, during)) ? 0 : 1;

            // back-off 2 s doubling (jittered ±50 %): over 16 s at most ~5 tries; a login loop would be hundreds
            Outcomes.held("R4", "server gone " + OUTAGE.toSeconds() + " s, back", 1, 2, lost, listed.size() - 2, 0,
                    "status in " + statusMillis + " ms; " + attempts + " connection attempts in "
                            + OUTAGE.toSeconds() + " s; recovered " + recoveryMillis + " ms after return");
            assertThat(attempts).as("reconnect attempts during a %d s outage", OUTAGE.toSeconds()).isBetween(1, 6);
            assertThat(listed).containsExactlyInAnyOrder(before, during);
            stack.apiAsAdmin().removeAccount(accountId);
        }
    }

    @Test
    @DisplayName("R4: wrong password")
    void wrongPassword() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("r4auth", null);
        try (TcpProxy server = new TcpProxy(dovecot.imapPort())) {
            String customer = "r4-" + UUID.randomUUID();
            String accountId = stack.registerImap(customer, server.port(), user.login(),
                    "wrong-" + UUID.randomUUID());
            ApiClient api = stack.apiAs(customer);
            // sessions start at a random point within the fetcher's start-stagger (10 s): time from the first try
            await().atMost(Duration.ofSeconds(30)).until(() -> server.accepted() > 0);
            Instant firstTry = Instant.now();
            await().atMost(STATUS_WITHIN).until(() -> "AUTH_FAILED".equals(api.status(accountId)));
            long statusMillis = Duration.between(firstTry, Instant.now()).toMillis();

            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(1)).until(() -> true);
            int failedLogins = authFailures(dovecot.log(), user.login());
            int connections = server.accepted();
            Outcomes.held("R4", "wrong password", 1, 0, 0, 0, 0, "AUTH_FAILED in " + statusMillis + " ms; "
                    + failedLogins + " failed logins at the server in " + OUTAGE.toSeconds() + " s ("
                    + connections + " connections)");
            // after an authentication failure the fetcher waits (auth-retry, 15 min), never a login loop
            assertThat(failedLogins).as("failed logins counted by Dovecot").isBetween(1, 2);
            assertThat(api.getAccount(accountId).toString()).as("the account as the API shows it")
                    .doesNotContain(user.password());
            stack.apiAsAdmin().removeAccount(accountId);
        }
    }

    /** Dovecot logs one "auth failed" disconnect per rejected login; counts those of {@code login}. */
    static int authFailures(String log, String login) {
        Matcher m = Pattern.compile("auth failed, (\\d+) attempts?[^\\n]*user=<" + Pattern.quote(login) + ">")
                .matcher(log);
        int total = 0;
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }
}
