package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Quota;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import io.mailsync.client.model.QuotaResponse;
import io.mailsync.client.model.ResourceJson;

/**
 * Issue 10, quota through mailsync on every server: where the server reports a quota (RFC 9208 GETQUOTAROOT: Dovecot's
 * quota plugin, Cyrus's SETQUOTA, Courier's Maildir++ {@code maildirsize}, GreenMail's SETQUOTA), the customer's
 * {@code /quota} shows the usage and limit the server reports; where the mailbox has no quota root on the server, the
 * usage is counted from the INBOX's message sizes and held against the limit provisioned in the account
 * ({@code quotaLimitBytes}).
 *
 * <p>GreenMail reports STORAGE usage in octets where RFC 9208 §5.1 says KiB; mailsync reads what the server says (KiB),
 * so its {@code /quota} shows GreenMail's figure times 1024, as any RFC client would (README "Quirks").
 */
class QuotaThroughMailsyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(45);
    private static final long SERVER_QUOTA = 2 * 1024 * 1024;
    private static final long PROVISIONED = 1_000_000;

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void quotaShowsTheUsageAndLimitTheServerReports(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("quota", SERVER_QUOTA);
        fill(server, user);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        account.deliverAndAwaitFirstSync(server, user);

        await().atMost(WITHIN).untilAsserted(() -> {
            long[] reported = serverStorageKib(server, user);
            ResourceJson storage = storage(account);
            assertThat(storage.getUsed()).as("used, bytes (server: %d KiB)", reported[0])
                    .isEqualTo(reported[0] * 1024);
            assertThat(storage.getLimit()).as("limit, bytes (server: %d KiB)", reported[1])
                    .isEqualTo(reported[1] * 1024);
        });
    }

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void withoutAQuotaOnTheServerTheInboxSizesAreHeldAgainstTheProvisionedLimit(Supplier<MailServer> servers)
            throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("noquota", 0);
        fill(server, user);
        MailsyncAccount account = MailsyncAccount.register(
                MailsyncAccount.imapBody(server, user, "PT10S").put("quotaLimitBytes", PROVISIONED));
        account.deliverAndAwaitFirstSync(server, user);

        await().atMost(WITHIN).untilAsserted(() -> {
            ResourceJson storage = storage(account);
            assertThat(storage.getUsed()).as("used: the INBOX's RFC822.SIZEs")
                    .isEqualTo(inboxSizes(server, user));
            assertThat(storage.getLimit()).as("limit: the provisioned one").isEqualTo(PROVISIONED);
        });
    }

    /** Three messages of ~30 kB: enough usage that KiB rounding cannot hide a wrong unit. */
    private static void fill(MailServer server, MailUser user) {
        for (int i = 0; i < 3; i++) {
            server.deliver(user, MailText.simple("filler@sender.test", user.address(), "Filler " + i,
                    "f".repeat(30_000)));
        }
    }

    private static ResourceJson storage(MailsyncAccount account) {
        QuotaResponse quota = account.quota();
        ResourceJson storage = quota.getResources() == null ? null : quota.getResources().get("STORAGE");
        assertThat(storage).as("STORAGE in " + quota).isNotNull();
        return storage;
    }

    /** GETQUOTAROOT INBOX as another client sees it: {usage, limit} of STORAGE, in the KiB the server claims. */
    private static long[] serverStorageKib(MailServer server, MailUser user) throws Exception {
        try (IMAPStore store = Stores.imap(server, user)) {
            return Arrays.stream(store.getQuota("INBOX"))
                    .flatMap(q -> Arrays.stream(q.resources == null ? new Quota.Resource[0] : q.resources))
                    .filter(r -> r.name.equalsIgnoreCase("STORAGE") && r.limit > 0)
                    .map(r -> new long[] {r.usage, r.limit}).findFirst()
                    .orElseThrow(() -> new AssertionError(server.name() + " reports no STORAGE quota"));
        }
    }

    private static long inboxSizes(MailServer server, MailUser user) throws Exception {
        try (IMAPStore store = Stores.imap(server, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                long sum = 0;
                for (Message message : inbox.getMessages()) {
                    sum += message.getSize();
                }
                return sum;
            } finally {
                inbox.close(false);
            }
        }
    }
}
