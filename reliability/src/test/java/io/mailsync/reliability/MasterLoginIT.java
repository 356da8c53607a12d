package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.DovecotAuth;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.ResourceJson;
import java.util.Map;
import io.mailsync.client.ApiResponse;
import io.mailsync.client.model.MailHostRequest;
import io.mailsync.client.model.MailHostResponse;

/**
 * R19 (issue 22), through the gateway on the whole system: the operator registers a Dovecot with a master passdb as a
 * mail host, the provisioning system registers a customer's mailbox on it with no password, and the mailbox syncs,
 * writes a device's read back and reports its quota — Dovecot's log shows the master logging in as the user. The
 * master password is watched by {@link SecretScan}: R9 then finds it in no log line, record or document.
 */
@Order(96)
class MasterLoginIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    @DisplayName("R19: a mailbox with no password syncs, writes back and reports quota as the ISP's master user")
    void aMailboxRegisteredWithoutAPasswordWorksThroughTheHostsMasterLogin() {
        String masterPassword = "r19-master-" + UUID.randomUUID();
        SecretScan.watch(masterPassword);
        Stack stack = Stack.shared();
        try (Dovecot dovecot = Dovecot.start(DovecotAuth.master("mailsync-r19", masterPassword))) {
            MailUser user = dovecot.newUser("r19", "*:storage=1M");
            SecretScan.watch(user.password()); // never given to mailsync: it must not turn up either
            String hostId = "r19-" + UUID.randomUUID().toString().substring(0, 8);
            PublicApi admin = stack.apiAsAdmin().api();
            PublicApi.Answer<ApiResponse<MailHostResponse>> host = admin.answer(() -> admin.mailHosts
                    .putMailHostWithHttpInfo(hostId, new MailHostRequest().host("127.0.0.1").port(dovecot.imapPort())
                            .security("NONE").mechanism("MASTER_PLAIN").masterUsername("mailsync-r19")
                            .masterPassword(masterPassword).connectionBudget(10)));
            assertThat(host.status()).as(host.problem()).isEqualTo(201);
            // the generated model's toString names every field the answer carried
            assertThat(host.value().getData().toString()).doesNotContain(masterPassword);
            String messageId = "<" + UUID.randomUUID() + "@r19.test>";
            dovecot.deliver(user, Mail.text(messageId, user, "as the ISP"));

            String customer = "r19-" + UUID.randomUUID();
            String accountId = stack.apiAsAdmin().register(ApiClient.JSON.createObjectNode()
                    .put("customerId", customer).put("protocol", "IMAP").put("mailHost", hostId)
                    .put("username", user.login()).put("pollInterval", "PT10S"));
            ApiClient api = stack.apiAs(customer);
            await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, messageId) != null
                    && "IDLE".equals(api.status(accountId)));

            String device = api.registerDevice(accountId, "r19-phone");
            String id = api.messageByHeader(accountId, messageId).path("id").asString();
            api.keywords(accountId, id, device, Map.of("$seen", true));
            await().atMost(WITHIN).until(() -> dovecot.doveadm("fetch", "-u", user.login(), "flags", "mailbox",
                    "INBOX", "all").contains("\\Seen"));
            PublicApi typed = api.api();
            ResourceJson storage = await().atMost(WITHIN).until(() -> typed.answer(() -> typed.quota.getQuota(accountId)),
                    r -> r.ok() && r.value().getResources() != null && r.value().getResources().containsKey("STORAGE"))
                    .value().getResources().get("STORAGE");
            boolean masterLoggedIn = dovecot.log().contains("Master user logging in as " + user.login());

            Outcomes.held("R19", "mailbox on a master host, no password", 0, 1, 0, 0, 0,
                    "synced, \\Seen written back, quota " + storage.getUsed() + " of "
                            + storage.getLimit() + " bytes; Dovecot: master logged in as the user: "
                            + masterLoggedIn);
            assertThat(storage.getLimit()).isEqualTo(1024 * 1024);
            assertThat(storage.getUsed()).isPositive();
            assertThat(masterLoggedIn).as("Dovecot's log: " + dovecot.log()).isTrue();
            assertThat(stack.apiAsAdmin().removeAccount(accountId)).isEqualTo(204);
        }
    }
}
