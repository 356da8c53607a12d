package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Network faults between the fetcher and the mail server, made by a TCP relay in between ({@link TcpProxy}):
 * connections cut or stalled mid-IDLE and mid-FETCH. The session recovers by itself and no message is missed or
 * listed twice.
 */
@Order(90)
class NetworkFaultsIT {

    private static final Duration RECOVER = Duration.ofSeconds(45);

    private record Setup(Stack stack, Dovecot dovecot, MailUser user, TcpProxy proxy, String accountId, ApiClient api) {
    }

    private static Setup idleAccountBehindProxy(String tag) {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser(tag, null);
        TcpProxy proxy = new TcpProxy(dovecot.imapPort());
        String customer = tag + "-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, proxy.port(), user.login(), user.password());
        ApiClient api = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId)));
        return new Setup(stack, dovecot, user, proxy, accountId, api);
    }

    @Test
    @DisplayName("NET: cut mid-IDLE")
    void cutMidIdle() {
        Setup s = idleAccountBehindProxy("netcut");
        try (TcpProxy proxy = s.proxy()) {
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                proxy.cut();
                String id = Mail.newMessageId("cut-" + i);
                sent.add(id);
                s.dovecot().deliver(s.user(), Mail.text(id, s.user(), "after cut " + i));
                await().atMost(RECOVER).until(() -> Mail.listedIds(s.api(), s.accountId()).contains(id));
            }
            check("cut mid-IDLE x3", 3, s, sent);
        }
    }

    @Test
    @DisplayName("NET: stall mid-IDLE, then resume")
    void stallMidIdle() {
        Setup s = idleAccountBehindProxy("netstall");
        try (TcpProxy proxy = s.proxy()) {
            proxy.mode(TcpProxy.Mode.STALL);
            String id = Mail.newMessageId("stall");
            s.dovecot().deliver(s.user(), Mail.text(id, s.user(), "during stall"));
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
            proxy.mode(TcpProxy.Mode.FORWARD);
            await().atMost(RECOVER).until(() -> Mail.listedIds(s.api(), s.accountId()).contains(id));
            check("stall 5 s mid-IDLE", 1, s, Set.of(id));
        }
    }

    @Test
    @DisplayName("NET: cut mid-FETCH")
    void cutMidFetch() {
        Setup s = idleAccountBehindProxy("netfetch");
        try (TcpProxy proxy = s.proxy()) {
            int count = Sizes.FULL ? 2_000 : 400;
            long before = proxy.downstreamBytes();
            Maildir.Filled filled = Maildir.fill(s.dovecot(), s.user(), count, new Random(7), 4);
            // the mailbox's new mail is being fetched: cut three times while it flows
            int cuts = 0;
            for (long threshold = before + 20_000; cuts < 3; threshold += 60_000) {
                long at = threshold;
                await().atMost(RECOVER).until(() -> proxy.downstreamBytes() > at);
                proxy.cut();
                cuts++;
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> s.api().messages(s.accountId()).size() >= count);
            check("cut x" + cuts + " mid-FETCH of " + count, cuts, s, new HashSet<>(filled.messageIds()));
        }
    }

    @Test
    @DisplayName("NET: black hole mid-FETCH (silent drop, no reset)")
    void blackholeMidFetch() {
        Setup s = idleAccountBehindProxy("netblackhole");
        try (TcpProxy proxy = s.proxy()) {
            int count = 300;
            long before = proxy.downstreamBytes();
            Maildir.Filled filled = Maildir.fill(s.dovecot(), s.user(), count, new Random(9), 4);
            await().atMost(RECOVER).until(() -> proxy.downstreamBytes() > before + 20_000);
            proxy.blackholeOpen();
            await().atMost(Duration.ofSeconds(90)).until(() -> s.api().messages(s.accountId()).size() >= count);
            check("black hole mid-FETCH of " + count, 1, s, new HashSet<>(filled.messageIds()));
        }
    }

    private static void check(String name, int faults, Setup s, Set<String> sent) {
        await().atMost(RECOVER).until(() -> "IDLE".equals(s.api().status(s.accountId())));
        List<JsonNode> listed = s.api().messages(s.accountId());
        Set<String> ids = new HashSet<>();
        listed.forEach(m -> ids.add(m.path("messageIdHeader").asString()));
        int lost = (int) sent.stream().filter(id -> !ids.contains(id)).count();
        int duplicated = listed.size() - ids.size();
        Outcomes.held("NET", name, faults, sent.size(), lost, duplicated, 0,
                s.proxy().accepted() + " connections; status " + s.api().status(s.accountId()));
        assertThat(lost).as("messages missed").isZero();
        assertThat(duplicated).as("messages listed twice").isZero();
        assertThat(ids).isEqualTo(sent);
        s.stack().apiAsAdmin().removeAccount(s.accountId());
    }
}
