package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MailText;
import jakarta.mail.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What needs the most configuration, through the gateway as a client would use it: a POP3 mailbox's body (the
 * fetcher stores it in the content store, sync-service serves it), a sent copy filed by APPEND (sync stores it, the
 * fetcher reads it back) and its {@code /raw}, a read flag written back to the IMAP server, and a quota notice by SMTP.
 */
final class UserJourney {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String CUSTOMER = "boot-customer";

    private UserJourney() {
    }

    static void run(LocalDeployment deployment) throws Exception {
        String gateway = deployment.gatewayUrl();
        ApiClient admin = new ApiClient(gateway, JwtKit.shared().token("provisioning", "accounts.admin", "mail.read"));
        ApiClient customer = new ApiClient(gateway, JwtKit.shared().token(CUSTOMER, "mail.read", "mail.write",
                "quota.read"));

        // POP3: the body is in the content store, and /raw serves it
        MailUser pop = GreenMailKit.newUser("boot-pop");
        String popHeader = header();
        deliver(pop, MailText.withMessageId(popHeader, "ann@sender.test", pop.address(), "over POP3", "a POP3 body"));
        String popAccount = admin.registerAccount(CUSTOMER, "POP3", GreenMailKit.pop3Port(), pop.login(),
                pop.password());
        JsonNode popMessage = await().atMost(WITHIN).until(() -> customer.messageByHeader(popAccount, popHeader),
                m -> m != null);
        assertRaw(customer, popAccount, popMessage, "a POP3 body");

        // IMAP with a 2,000-byte quota: a message of ~1,800 bytes is over 80 %, so a notice goes by SMTP
        MailUser imap = GreenMailKit.newUser("boot-imap");
        MailUser notices = GreenMailKit.newUser("boot-notices");
        String inboxHeader = header();
        deliver(imap, MailText.withMessageId(inboxHeader, "bob@sender.test", imap.address(), "nearly full",
                "x".repeat(1_500)));
        String imapAccount = admin.register(ApiClient.account(CUSTOMER, "IMAP", GreenMailKit.imapPort(), imap.login(),
                imap.password()).put("quotaLimitBytes", 2_000).put("contactAddress", notices.address()));
        JsonNode inboxMessage = await().atMost(WITHIN).until(() -> customer.messageByHeader(imapAccount, inboxHeader),
                m -> m != null);
        String phone = customer.registerDevice(imapAccount, "phone");

        // a sent copy: sync-service stores it, the fetcher APPENDs it to the server's Sent folder, /raw serves it
        String sentHeader = header();
        HttpResponse<String> sent = send(gateway, imapAccount, phone, "From: " + imap.address()
                + "\r\nTo: ann@example.net\r\nSubject: lunch?\r\nMessage-ID: " + sentHeader + "\r\n\r\nat noon\r\n");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode sentMessage = await().atMost(WITHIN).until(() -> customer.messageByHeader(imapAccount, sentHeader),
                m -> m != null);
        assertRaw(customer, imapAccount, sentMessage, "at noon");

        // read on the phone: written back to the IMAP server (STORE)
        assertThat(customer.patch("/api/v1/accounts/" + imapAccount + "/messages/" + inboxMessage.path("id")
                .asString(), phone, ApiClient.JSON.createObjectNode().set("keywords", ApiClient.JSON.createObjectNode()
                .put("$seen", true))).status()).isEqualTo(200);
        GreenMailUser server = GreenMailKit.server().getUserManager().getUser(imap.login());
        await().atMost(WITHIN).until(() -> GreenMailKit.server().getManagers().getImapHostManager()
                .getInbox(server).getMessages().stream().anyMatch(m -> m.getFlags().contains(jakarta.mail.Flags.Flag
                        .SEEN)));

        // the quota notice reached the contact address through the relay the deployment names
        await().atMost(WITHIN).until(() -> Arrays.stream(GreenMailKit.server().getReceivedMessages())
                .anyMatch(m -> recipient(m, notices.address())));
    }

    private static void assertRaw(ApiClient customer, String account, JsonNode message, String text) {
        ApiClient.Response raw = customer.get("/api/v1/accounts/" + account + "/messages/"
                + message.path("id").asString() + "/raw");
        assertThat(raw.status()).as("/raw of " + message.path("messageIdHeader").asString() + ": " + raw.raw())
                .isEqualTo(200);
        assertThat(raw.raw()).contains(text);
    }

    private static HttpResponse<String> send(String gateway, String account, String device, String rfc822)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/accounts/"
                        + account + "/sent"))
                .header("Authorization", "Bearer " + JwtKit.shared().token(CUSTOMER, "mail.read", "mail.write"))
                .header("X-Device-Id", device).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(rfc822, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void deliver(MailUser user, String text) {
        GreenMailKit.server().getUserManager().getUser(user.login()).deliver(GreenMailUtil.newMimeMessage(text));
    }

    private static boolean recipient(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String header() {
        return "<" + UUID.randomUUID() + "@boot.test>";
    }
}
