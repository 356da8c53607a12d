package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.MailHostRequest;
import io.mailsync.client.model.ResourceJson;
import java.util.Map;

/**
 * Issue 22 on Cyrus: the ISP's service user is a Cyrus proxy server ({@code proxyservers} in imapd.conf), registered
 * once as a mail host with mechanism {@code MASTER_PLAIN}; a customer's mailbox registered on it with no password is
 * synced through SASL PLAIN with the customer as authorization identity (RFC 4616) — it lists the customer's mail,
 * writes a device's read back to the customer's mailbox, and reports the customer's quota.
 */
class CyrusProxyLoginThroughMailsyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aMailboxWithNoPasswordSyncsWritesBackAndReportsQuotaThroughCyrusProxyAuthorization() throws Exception {
        CyrusServer cyrus = CyrusServer.shared();
        MailUser user = cyrus.newUser("proxied", 2 * 1024 * 1024);
        // Cyrus counts STORAGE in whole KiB: 30 kB, so the usage it reports cannot round to 0
        cyrus.deliver(user, MailText.simple("filler@sender.test", user.address(), "Filler", "f".repeat(30_000)));
        String hostId = "cyrus-" + UUID.randomUUID().toString().substring(0, 8);
        PublicApi admin = RunningMailsync.admin().api();
        MailHostRequest host = new MailHostRequest().host(cyrus.host()).port(cyrus.imapPort()).security("NONE")
                .mechanism("MASTER_PLAIN").masterUsername(CyrusServer.PROXY).masterPassword(cyrus.proxyPassword());
        assertThat(admin.status(() -> admin.mailHosts.putMailHostWithHttpInfo(hostId, host))).isEqualTo(201);
        String customer = "cust-" + UUID.randomUUID();
        MailsyncAccount account = MailsyncAccount.register(ApiClient.JSON.createObjectNode()
                .put("customerId", customer).put("protocol", "IMAP").put("mailHost", hostId)
                .put("username", user.login()).put("pollInterval", "PT10S"));

        String header = account.deliverAndAwaitFirstSync(cyrus, user);
        String device = account.api().registerDevice(account.id(), "proxied-phone");
        account.markRead(device, account.message(header));

        await().atMost(WITHIN).until(() -> ServerView.flags(cyrus, user, header).contains(Flags.Flag.SEEN));
        await().atMost(WITHIN).untilAsserted(() -> { // quota() fails (AssertionError) until /quota answers 200
            Map<String, ResourceJson> resources = account.quota().getResources();
            assertThat(resources).isNotNull().containsKey("STORAGE");
            assertThat(resources.get("STORAGE").getLimit()).isEqualTo(2 * 1024 * 1024);
            assertThat(resources.get("STORAGE").getUsed()).isPositive();
        });
    }
}
