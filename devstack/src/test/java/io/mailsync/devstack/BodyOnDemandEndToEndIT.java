package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.mailsync.client.ApiResponse;
import io.mailsync.testkit.PublicApi;
import java.io.File;

/**
 * Issue 20 with the real fetcher, through the gateway as a third-party client reads it: an IMAP mailbox registered with
 * the defaults ({@code storeBodies=false}) answers {@code /raw} with the exact bytes the server holds, and the server
 * still has the message unread — on GreenMail and on Dovecot.
 */
class BodyOnDemandEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void greenMail() throws Exception {
        MailUser user = GreenMailKit.newUser("ondemand");
        exactBytesAndStillUnread(GreenMailKit.imapPort(), user, rfc822 -> DemoMailboxes.deliverText(
                GreenMailKit.server().getUserManager().getUser(user.login()), rfc822));
    }

    @Test
    void dovecot() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("ondemand", null);
        exactBytesAndStillUnread(dovecot.imapPort(), user, rfc822 -> dovecot.deliver(user, rfc822));
    }

    private static void exactBytesAndStillUnread(int port, MailUser user, Consumer<String> deliver) throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", port, user.login(),
                user.password());
        ApiClient api = RunningSystem.customer(customer);
        String header = "<" + UUID.randomUUID() + "@ondemand.test>";
        deliver.accept(MailText.withMessageId(header, "ann@sender.test", user.address(), "Read me on demand",
                "the server keeps this body; mailsync does not"));
        JsonNode listed = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header), m -> m != null);

        ApiResponse<File> raw = api.api().call(() -> api.api().messages.getRawMessageWithHttpInfo(accountId,
                listed.path("id").asString()));
        byte[] body = PublicApi.bytes(raw.getData());

        assertThat(raw.getStatusCode()).isEqualTo(200);
        assertThat(raw.getHeaders().get("content-type")).containsExactly("message/rfc822");
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", port, user.login(), user.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message onServer = inbox.getMessage(inbox.getMessageCount());
            assertThat(onServer.isSet(Flags.Flag.SEEN)).as("\\Seen on the server after /raw").isFalse();
            ((IMAPMessage) onServer).setPeek(true);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            onServer.writeTo(bytes);
            assertThat(body).isEqualTo(bytes.toByteArray());
            inbox.close(false);
        }
        assertThat(api.messageByHeader(accountId, header).path("keywords").path("$seen").asBoolean()).isFalse();
    }
}
