package io.mailsync.quota;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 23: a shared mailbox's quota notice reaches its owner and every person whose grant names a contact address
 * (blind copies: none sees the others' addresses), not one whose grant names none; a person with {@code read} sees
 * its quota, and a revoked one gets 404 like a stranger.
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class SharedMailboxQuotaIT {

    private final QuotaInstance quota = SharedQuota.instance();
    private final Wire wire = SharedQuota.wire();
    private final HttpClient http = HttpClient.newHttpClient();

    /** What the SMTP envelope delivered to {@code address}'s mailbox (a blind copy names nobody in its headers). */
    private static List<MimeMessage> deliveredTo(String address) {
        GreenMailUser user = GreenMailKit.server().getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return GreenMailKit.server().getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private int quotaStatus(String accountId, String person) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + quota.port()
                        + "/api/v1/accounts/" + accountId + "/quota"))
                .header("Authorization", "Bearer " + JwtKit.shared().token(person, "quota.read")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theNoticeGoesToTheOwnerAndToEveryGrantWithAContactAddress() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String account = "acc-shared-" + run;
        String owner = "owner@o-" + run + ".example";
        String bob = "bob@b-" + run + ".example";
        wire.publish(anAccountSpec().forAccount(account).ofCustomer("cust-" + run).withContactAddress(owner)
                .withQuotaLimit(Wire.GIB, null).sharedWith("bob-" + run, bob, "read")
                .sharedWith("carol-" + run, null, "read", "write").build());
        quota.awaitAccount(account);

        wire.usage(account, 85, Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTo(owner).size() == 1
                && deliveredTo(bob).size() == 1);
        MimeMessage toBob = deliveredTo(bob).getFirst();
        assertThat(toBob.getSubject()).isEqualTo("Your mailbox is 80% full");
        assertThat(toBob.getHeader("X-Mailsync-Notice-Id", null))
                .isEqualTo(deliveredTo(owner).getFirst().getHeader("X-Mailsync-Notice-Id", null));
        assertThat(toBob.getHeader("Bcc")).as("bob's address is not shown to anyone").isNull();
        for (MimeMessage received : List.of(toBob, deliveredTo(owner).getFirst())) {
            assertThat(Arrays.toString(received.getAllRecipients())).as("no header names bob").doesNotContain(bob)
                    .contains(owner);
        }

        assertThat(quotaStatus(account, "bob-" + run)).isEqualTo(200);
        assertThat(quotaStatus(account, "carol-" + run)).isEqualTo(200);
        assertThat(quotaStatus(account, "eve-" + run)).isEqualTo(404);

        wire.publish(anAccountSpec().forAccount(account).ofCustomer("cust-" + run).withContactAddress(owner)
                .withQuotaLimit(Wire.GIB, null).sharedWith("carol-" + run, null, "read").build()); // bob revoked
        await().atMost(Duration.ofSeconds(10)).until(() -> quotaStatus(account, "bob-" + run) == 404);
        assertThat(quotaStatus(account, "carol-" + run)).isEqualTo(200);
    }
}
