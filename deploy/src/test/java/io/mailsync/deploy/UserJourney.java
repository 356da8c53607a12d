package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What needs the most configuration, through the gateway as a client would use it: a POP3 mailbox's body (the
 * fetcher stores it in the content store, sync-service serves it), a sent copy filed by APPEND (sync stores it, the
 * fetcher reads it back) and its {@code /raw}, a read flag written back to the IMAP server, a quota notice by SMTP,
 * and webhook-service behind the gateway.
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
        // ready is not warm: on a loaded machine a service's first requests can outlast the gateway's 5 s limit
        await().atMost(WITHIN).until(() -> customer.get("/api/v1/accounts").status() == 200);

        // POP3 with a 1,800-byte quota: the body is in the content store and /raw serves it; the message of ~1,500
        // bytes is over 80 %, so once the fetcher's next STAT is in, a notice goes to the contact address by SMTP
        MailUser pop = GreenMailKit.newUser("boot-pop");
        MailUser notices = GreenMailKit.newUser("boot-notices");
        String popHeader = header();
        deliver(pop, MailText.withMessageId(popHeader, "ann@sender.test", pop.address(), "over POP3",
                "a POP3 body " + "x".repeat(1_500)));
        String popAccount = register(admin, customer, ApiClient.account(CUSTOMER, "POP3", GreenMailKit.pop3Port(),
                pop.login(), pop.password()).put("quotaLimitBytes", 1_800).put("contactAddress", notices.address()));
        JsonNode popMessage = await().atMost(WITHIN).until(() -> customer.messageByHeader(popAccount, popHeader),
                m -> m != null);
        assertRaw(customer, popAccount, popMessage, "a POP3 body");

        // IMAP
        MailUser imap = GreenMailKit.newUser("boot-imap");
        String inboxHeader = header();
        deliver(imap, MailText.withMessageId(inboxHeader, "bob@sender.test", imap.address(), "read me", "soon"));
        String imapAccount = register(admin, customer, ApiClient.account(CUSTOMER, "IMAP", GreenMailKit.imapPort(),
                imap.login(), imap.password()));
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
        await().atMost(WITHIN).until(() -> seenOnTheServer(imap));

        // quota-service holds the POP3 mailbox's usage against its limit: over 80 % ...
        await().atMost(WITHIN).untilAsserted(() -> assertThat(customer.get("/api/v1/accounts/" + popAccount
                + "/quota").raw()).contains("\"currentLevel\":80"));
        // ... and the notice reached the contact address through the relay the deployment names
        await().atMost(WITHIN).until(() -> Arrays.stream(GreenMailKit.server().getReceivedMessages())
                .anyMatch(m -> recipient(m, notices.address())));

        // webhooks (ADR 0013): the gateway routes to webhook-service, which takes the API token (its audience among
        // the others) and its database answers; the deployment keeps receivers to https
        ApiClient partner = new ApiClient(gateway, JwtKit.shared().tokenFor(List.of("mailsync-api",
                "mailsync-webhooks"), CUSTOMER, "webhooks.manage"));
        assertThat(partner.get("/api/v1/webhooks").raw()).isEqualTo("[]");
        ObjectNode plainHttp = ApiClient.JSON.createObjectNode().put("url", "http://receiver.example.net/hook");
        plainHttp.putArray("events").add("account.state");
        assertThat(partner.post("/api/v1/webhooks", plainHttp).status()).isEqualTo(400);
    }

    /**
     * As a careful client registers: a 503 (the gateway gave up waiting) may still have registered it, so look before
     * asking again.
     */
    private static String register(ApiClient admin, ApiClient customer, ObjectNode account) {
        String username = account.path("username").asString();
        return await().atMost(WITHIN).until(() -> {
            for (JsonNode existing : customer.get("/api/v1/accounts").body().path("accounts")) {
                if (username.equals(existing.path("username").asString())) {
                    return existing.path("accountId").asString();
                }
            }
            ApiClient.Response created = admin.post("/api/v1/accounts", account);
            assertThat(created.status()).as(created.raw()).isIn(201, 503);
            return created.status() == 201 ? created.body().path("accountId").asString() : null;
        }, id -> id != null);
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

    /** What any other IMAP client sees: the INBOX opened read-only, so looking sets no flag itself. */
    private static boolean seenOnTheServer(MailUser user) throws jakarta.mail.MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GreenMailKit.imapPort(), user.login(), user.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.SEEN)) {
                        return true;
                    }
                }
                return false;
            } finally {
                inbox.close(false);
            }
        }
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
