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
import io.mailsync.client.model.AccountResponse;
import io.mailsync.client.model.CredentialRequest;
import io.mailsync.testkit.PublicApi;

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

        AccountResponse replaced = admin.api().call(() -> admin.api().accounts.replaceAccountPassword(accountId,
                new CredentialRequest().password(user.password())));

        // the generated model's toString names every field the answer carried
        assertThat(replaced.toString()).doesNotContain(user.password()).doesNotContain("the-old-password");
        assertThat(replaced.getAccountId()).isEqualTo(accountId);
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

        PublicApi own = RunningSystem.customer(customer).api();
        assertThat(own.status(() -> own.accounts.replaceAccountPassword(accountId, new CredentialRequest().password("x"))))
                .as("the customer's own token lacks accounts.admin").isEqualTo(403);
        PublicApi admin = RunningSystem.admin().api();
        PublicApi.Answer<AccountResponse> empty = admin.answer(() -> admin.accounts.replaceAccountPassword(accountId,
                new CredentialRequest().password("")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(ApiClient.JSON.readTree(empty.problem()).path("detail").asString()).contains("password");
        assertThat(admin.status(() -> admin.accounts.replaceAccountPassword("a-" + UUID.randomUUID(),
                new CredentialRequest().password("x")))).isEqualTo(404);
    }
}
