package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's shared folders with the real fetcher, through the gateway: a device's sent copy, its drafts and its
 * trash reach the IMAP server's SPECIAL-USE folders (this Dovecot names them "Sent Messages", "Drafts", "Deleted
 * Messages"; mailsync's configured names are "Sent" and "Trash", so the attribute found them) and every other device;
 * a POP3 account's sent copy and trash reach every device; a message another IMAP client deleted is restored to the
 * server and to every device; suggestions on a mailbox of known sizes list the largest first with the server's sizes.
 */
class SharedFoldersEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String MAIL = "From: %s\r\nTo: ann@example.net\r\nSubject: %s\r\nMessage-ID: %s\r\n\r\n%s\r\n";

    @Test
    void sentDraftsAndTrashFromOneDeviceReachTheImapServersSpecialUseFoldersAndTheOtherDevice() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("folders", null);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", dovecot.imapPort(), user.login(),
                user.password());
        ApiClient deviceB = RunningSystem.customer(customer);
        String a = deviceB.registerDevice(accountId, "phone");
        String b = deviceB.registerDevice(accountId, "laptop");
        // the session is up once a delivered message is listed
        String inboxHeader = "<" + UUID.randomUUID() + "@folders.test>";
        dovecot.deliver(user, MailText.withMessageId(inboxHeader, "spam@sender.test", user.address(), "spam", "buy"));
        JsonNode spam = await().atMost(WITHIN).until(() -> deviceB.messageByHeader(accountId, inboxHeader),
                m -> m != null);

        // sent on A: in the server's \Sent folder, \Seen, and on B
        String sentHeader = "<" + UUID.randomUUID() + "@folders.test>";
        HttpResponse<String> sent = send("POST", customer, accountId, "/sent", a,
                MAIL.formatted(user.address(), "lunch?", sentHeader, "at noon"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.SENT), list -> list.stream()
                .anyMatch(m -> m.header().equals(sentHeader) && m.flags().contains(Flags.Flag.SEEN)));
        assertThat(folder(deviceB, accountId, "Sent")).extracting(m -> m.path("messageIdHeader").asString())
                .containsExactly(sentHeader);

        // a draft saved by A and replaced by A: once on the server (the newest) and on B; B may not replace it
        String draftHeader = "<" + UUID.randomUUID() + "@folders.test>";
        HttpResponse<String> created = send("POST", customer, accountId, "/drafts", a,
                MAIL.formatted(user.address(), "plan", draftHeader, "first words"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String draftId = ApiClient.JSON.readTree(created.body()).path("draftId").asString();
        String newest = MAIL.formatted(user.address(), "plan", draftHeader, "first words and the rest");
        HttpResponse<String> replaced = send("PUT", customer, accountId, "/drafts/" + draftId, a, newest);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        HttpResponse<String> refused = send("PUT", customer, accountId, "/drafts/" + draftId, b,
                MAIL.formatted(user.address(), "plan", draftHeader, "B's words"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.DRAFTS), list -> list.size() == 1
                && list.getFirst().size() == newest.length() && list.getFirst().flags().contains(Flags.Flag.DRAFT));
        List<JsonNode> drafts = folder(deviceB, accountId, "Drafts");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.getFirst().path("id").asString())
                .isEqualTo(ApiClient.JSON.readTree(replaced.body()).path("message").path("id").asString());

        // trashed by A: in the server's \Trash folder, out of INBOX, and in Trash on B
        HttpResponse<String> trashed = send("POST", customer, accountId,
                "/messages/" + spam.path("id").asString() + "/trash", a, null);
        assertThat(trashed.statusCode()).as(trashed.body()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.TRASH), list -> list.stream()
                .anyMatch(m -> m.header().equals(inboxHeader)));
        assertThat(serverFolder(dovecot, user, "INBOX")).isEmpty();
        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.path("id").asString())
                .containsExactly(spam.path("id").asString());
        assertThat(folder(deviceB, accountId, "INBOX")).isEmpty();
    }

    @Test
    void aPop3AccountsSentCopyAndTrashReachTheOtherDevice() throws Exception {
        MailUser user = GreenMailKit.newUser("popfolders");
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "POP3", GreenMailKit.pop3Port(),
                user.login(), user.password());
        ApiClient deviceB = RunningSystem.customer(customer);
        String a = deviceB.registerDevice(accountId, "phone");
        String header = "<" + UUID.randomUUID() + "@pop.test>";
        DemoMailboxes.deliverText(GreenMailKit.server().getUserManager().getUser(user.login()),
                MailText.withMessageId(header, "ann@sender.test", user.address(), "old news", "read it"));
        JsonNode arrived = await().atMost(WITHIN).until(() -> deviceB.messageByHeader(accountId, header),
                m -> m != null);

        String sentHeader = "<" + UUID.randomUUID() + "@pop.test>";
        assertThat(send("POST", customer, accountId, "/sent", a,
                MAIL.formatted(user.address(), "thanks", sentHeader, "got it")).statusCode()).isEqualTo(201);
        assertThat(send("POST", customer, accountId, "/messages/" + arrived.path("id").asString() + "/trash", a,
                null).statusCode()).isEqualTo(200);

        assertThat(folder(deviceB, accountId, "Sent")).extracting(m -> m.path("messageIdHeader").asString())
                .containsExactly(sentHeader);
        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.path("messageIdHeader").asString())
                .containsExactly(header);
        assertThat(folder(deviceB, accountId, "INBOX")).isEmpty();
    }

    @Test
    void aMessageAnotherImapClientDeletedIsRestoredToTheServerAndEveryDevice() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("restore", null);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().register(ApiClient.account(customer, "IMAP", dovecot.imapPort(),
                user.login(), user.password()).put("storeBodies", true));
        ApiClient api = RunningSystem.customer(customer);
        String header = "<" + UUID.randomUUID() + "@restore.test>";
        dovecot.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "keep me", "please"));
        String id = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header), m -> m != null)
                .path("id").asString();

        try (Store store = connect(dovecot, user)) { // another mail client deletes it
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        }
        await().atMost(WITHIN).until(() -> api.get("/api/v1/accounts/" + accountId + "/deleted").body()
                .path("messages").toString().contains(id));
        assertThat(api.messageByHeader(accountId, header)).isNull();

        ApiClient.Response restored = api.post("/api/v1/accounts/" + accountId + "/deleted/" + id + "/restore",
                ApiClient.JSON.createObjectNode());
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);

        assertThat(api.messageByHeader(accountId, header).path("id").asString()).isEqualTo(id);
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, "INBOX"), list -> list.stream()
                .anyMatch(m -> m.header().equals(header)));
        // the server's copy comes back as new mail and keeps the id: still one message for the devices
        await().during(Duration.ofSeconds(2)).atMost(WITHIN).until(() -> api.messages(accountId).stream()
                .filter(m -> header.equals(m.path("messageIdHeader").asString())).count() == 1);
    }

    @Test
    void suggestionsOnAMailboxFilledWithKnownSizesListTheLargestFirstWithTheServersSizes() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("space", null);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", dovecot.imapPort(), user.login(),
                user.password());
        ApiClient api = RunningSystem.customer(customer);
        for (int kib : new int[] {2, 40, 9}) {
            dovecot.deliver(user, MailText.withMessageId("<" + kib + "k-" + UUID.randomUUID() + "@space.test>",
                    "ann@sender.test", user.address(), kib + " KiB", "x".repeat(kib * 1024)));
        }
        await().atMost(WITHIN).until(() -> api.messages(accountId).size() == 3);
        List<Long> serverSizes = serverFolder(dovecot, user, "INBOX").stream().map(ServerMessage::size)
                .sorted(java.util.Comparator.reverseOrder()).toList();

        JsonNode suggestions = api.get("/api/v1/accounts/" + accountId + "/quota/suggestions?limit=3").body();

        List<Long> largest = new ArrayList<>();
        suggestions.path("largest").forEach(m -> largest.add(m.path("size").asLong()));
        assertThat(largest).containsExactlyElementsOf(serverSizes);
        assertThat(suggestions.path("largest").get(0).path("subject").asString()).isEqualTo("40 KiB");
        assertThat(suggestions.path("largest").get(0).path("frees").asLong()).isEqualTo(serverSizes.getFirst());
        assertThat(suggestions.path("folders").get(0).path("frees").asLong())
                .isEqualTo(serverSizes.stream().mapToLong(Long::longValue).sum());
    }

    private record ServerMessage(String header, long size, Flags flags) {
    }

    private static List<ServerMessage> serverFolder(Dovecot dovecot, MailUser user, String name) throws Exception {
        try (Store store = connect(dovecot, user)) {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<ServerMessage> messages = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                String[] ids = m.getHeader("Message-ID");
                messages.add(new ServerMessage(ids == null ? "" : ids[0], m.getSize(), m.getFlags()));
            }
            folder.close(false);
            return messages;
        }
    }

    private static Store connect(Dovecot dovecot, MailUser user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        return store;
    }

    private static List<JsonNode> folder(ApiClient api, String accountId, String folder) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + accountId + "/messages?folder=" + folder);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.body().path("messages").forEach(list::add);
        return list;
    }

    /** A message/rfc822 request through the gateway, as a device sends one. */
    private static HttpResponse<String> send(String method, String customer, String accountId, String path,
                                             String device, String rfc822) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.get().gatewayUrl()
                        + "/api/v1/accounts/" + accountId + path))
                .header("Authorization", "Bearer " + JwtKit.shared().token(customer, "mail.read", "mail.write"))
                .header("X-Device-Id", device);
        if (rfc822 != null) {
            request.header("Content-Type", "message/rfc822");
        }
        request.method(method, rfc822 == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rfc822, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
