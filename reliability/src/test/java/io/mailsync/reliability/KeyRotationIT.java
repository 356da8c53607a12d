package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R18 (issue 22): the credential key is rotated from A to B as deploy/README says — both services rolled with B and A
 * as a previous key, sync-service's start re-encrypts every password, then A removed and both rolled again — and
 * every mailbox still logs in and syncs, with no password under A left in the registry. {@link SecretScan} watches
 * both keys and every password in the logs and records throughout.
 */
@Order(97)
class KeyRotationIT {

    private static final int MAILBOXES = 4;
    private static final Duration WITHIN = Duration.ofMinutes(2);

    record Mailbox(MailUser user, String accountId, ApiClient api) {
    }

    @Test
    @DisplayName("R18: credential key rotated A → B, A removed: every mailbox still logs in")
    void everyMailboxStillLogsInAfterTheKeyIsRotatedAndTheOldOneRemoved() {
        Dovecot dovecot = Dovecot.shared();
        try (Stack stack = Stack.fresh()) {
            List<Mailbox> mailboxes = new ArrayList<>();
            for (int i = 0; i < MAILBOXES; i++) {
                MailUser user = dovecot.newUser("r18", null);
                String customer = "r18-" + UUID.randomUUID();
                mailboxes.add(new Mailbox(user, stack.registerImap(customer, dovecot.imapPort(), user.login(),
                        user.password()), stack.apiAs(customer)));
            }
            deliverAndSee(dovecot, mailboxes, "under key A");
            String keyA = stack.settings.credentialKeyId();
            String keyB = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes());
            SecretScan.watchKey(keyB);

            roll(stack, Map.of("mailsync.crypto.key-id", "r18-b", "mailsync.crypto.key", keyB,
                    "mailsync.crypto.previous-keys." + keyA, stack.settings.credentialKey()));
            deliverAndSee(dovecot, mailboxes, "during the rotation");
            long leftUnderA = underKey(stack, keyA);
            long underB = underKey(stack, "r18-b");

            roll(stack, Map.of("mailsync.crypto.key-id", "r18-b", "mailsync.crypto.key", keyB));
            deliverAndSee(dovecot, mailboxes, "with key A removed");
            long failed = mailboxes.stream().filter(m -> !"IDLE".equals(m.api().status(m.accountId()))).count();

            Outcomes.held("R18", "credential key rotated A → B, then A removed", 2, MAILBOXES, (int) leftUnderA, 0, 0,
                    underB + " of " + MAILBOXES + " passwords under B after the rolled start, " + leftUnderA
                            + " left under A; " + failed + " mailboxes not IDLE after A was removed");
            assertThat(leftUnderA).as("passwords still under key A").isZero();
            assertThat(underB).isEqualTo(MAILBOXES);
            assertThat(failed).as("mailboxes not logged in after A was removed").isZero();
        }
    }

    /** Both services restarted with changed settings, the fetcher first (it must read what sync-service writes). */
    private static void roll(Stack stack, Map<String, Object> crypto) {
        int syncPort = stack.port("sync-service");
        stack.kill("fetcher-service");
        stack.restart("fetcher-service", 0, crypto);
        stack.kill("sync-service");
        stack.restart("sync-service", syncPort, crypto);
    }

    /** A new message in every mailbox, listed through the API: the fetcher logged in and synced. */
    private static void deliverAndSee(Dovecot dovecot, List<Mailbox> mailboxes, String phase) {
        List<String> ids = new ArrayList<>();
        for (Mailbox m : mailboxes) {
            String id = "<" + UUID.randomUUID() + "@r18.test>";
            dovecot.deliver(m.user(), Mail.text(id, m.user(), phase));
            ids.add(id);
        }
        for (int i = 0; i < mailboxes.size(); i++) {
            Mailbox m = mailboxes.get(i);
            String id = ids.get(i);
            await(phase).atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> listed(m, id));
        }
    }

    private static boolean listed(Mailbox m, String messageIdHeader) {
        try {
            return m.api().messageByHeader(m.accountId(), messageIdHeader) != null;
        } catch (RuntimeException | AssertionError restarting) {
            return false;
        }
    }

    private static long underKey(Stack stack, String keyId) {
        try (MongoClient mongo = MongoClients.create(stack.settings.mongoBaseUri())) {
            return mongo.getDatabase(stack.settings.databasePrefix() + "-sync").getCollection("accounts")
                    .countDocuments(Filters.regex("encryptedSecret", "^v1:" + keyId + ":"));
        }
    }
}
