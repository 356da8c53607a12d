package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a mailbox whose password changed is given the new one with {@code PATCH /api/v1/accounts/{id}} and
 * returns to work by itself — same account, same devices and read state, no re-registration, and no wait for the
 * fetcher's 15-minute retry after a refused login. The password never comes back in an answer.
 */
class CredentialReplacementIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void anAuthFailedMailboxGivenItsNewPasswordSyncsAgain() {
        MailUser user = GreenMailKit.newUser("cred");
        GreenMailUser mailbox = GreenMailKit.server().getUserManager().getUser(user.login());
        String customer = "cust-" + UUID.randomUUID();
        ApiClient admin = RunningSystem.admin();
        String accountId = admin.registerAccount(customer, "IMAP", GreenMailKit.imapPort(), user.login(),
                "the-old-password");
        await().atMost(WITHIN).until(() -> admin.status(accountId), "AUTH_FAILED"::equals);
        String messageId = "<" + UUID.randomUUID() + "@cred.test>";
        DemoMailboxes.deliverText(mailbox, MailText.withMessageId(messageId, "ann@sender.test", user.address(),
                "While the password was wrong", "waiting on the server"));

        ApiClient.Response replaced = admin.patch("/api/v1/accounts/" + accountId, null,
                "{\"password\":\"" + user.password() + "\"}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.raw()).doesNotContain(user.password()).doesNotContain("the-old-password");
        assertThat(replaced.body().path("accountId").asString()).isEqualTo(accountId);
        ApiClient api = RunningSystem.customer(customer);
        await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, messageId), m -> m != null);
        assertThat(admin.status(accountId)).isIn("CONNECTED", "IDLE");
    }

    @Test
    void onlyProvisioningReplacesAPasswordAndAnEmptyOneIsRefused() {
        MailUser user = GreenMailKit.newUser("cred2");
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", GreenMailKit.imapPort(),
                user.login(), user.password());

        assertThat(RunningSystem.customer(customer).patch("/api/v1/accounts/" + accountId, null,
                "{\"password\":\"x\"}").status()).as("the customer's own token lacks accounts.admin").isEqualTo(403);
        ApiClient.Response empty = RunningSystem.admin().patch("/api/v1/accounts/" + accountId, null,
                "{\"password\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("detail").asString()).contains("password");
        assertThat(RunningSystem.admin().patch("/api/v1/accounts/a-" + UUID.randomUUID(), null,
                "{\"password\":\"x\"}").status()).isEqualTo(404);
    }
}
