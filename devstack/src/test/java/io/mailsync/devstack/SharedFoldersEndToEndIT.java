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
import jakarta.mail.Store;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.MessageView;
import io.mailsync.client.model.Saved;
import io.mailsync.client.model.SuggestionsView;
import io.mailsync.client.model.MessageSuggestion;

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
        PublicApi api = deviceB.api();
        var sent = api.answer(() -> api.sent.fileSentMessageWithHttpInfo(accountId,
                PublicApi.rfc822(MAIL.formatted(user.address(), "lunch?", sentHeader, "at noon")), a));
        assertThat(sent.status()).as(sent.problem()).isEqualTo(201);
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.SENT), list -> list.stream()
                .anyMatch(m -> m.header().equals(sentHeader) && m.flags().contains(Flags.Flag.SEEN)));
        assertThat(folder(deviceB, accountId, "Sent")).extracting(MessageView::getMessageIdHeader)
                .containsExactly(sentHeader);

        // a draft saved by A and replaced by A: once on the server (the newest) and on B; B may not replace it
        String draftHeader = "<" + UUID.randomUUID() + "@folders.test>";
        var created = api.answer(() -> api.drafts.createDraftWithHttpInfo(accountId,
                PublicApi.rfc822(MAIL.formatted(user.address(), "plan", draftHeader, "first words")), a));
        assertThat(created.status()).as(created.problem()).isEqualTo(201);
        String draftId = created.value().getData().getDraftId();
        String newest = MAIL.formatted(user.address(), "plan", draftHeader, "first words and the rest");
        Saved replaced = api.call(() -> api.drafts.replaceDraft(accountId, draftId, PublicApi.rfc822(newest), a));
        var refused = api.answer(() -> api.drafts.replaceDraft(accountId, draftId,
                PublicApi.rfc822(MAIL.formatted(user.address(), "plan", draftHeader, "B's words")), b));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(ApiClient.JSON.readTree(refused.problem()).path("status").asInt()).as("a problem").isEqualTo(409);
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.DRAFTS), list -> list.size() == 1
                && list.getFirst().size() == newest.length() && list.getFirst().flags().contains(Flags.Flag.DRAFT));
        List<MessageView> drafts = folder(deviceB, accountId, "Drafts");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.getFirst().getId()).isEqualTo(replaced.getMessage().getId());

        // trashed by A: in the server's \Trash folder, out of INBOX, and in Trash on B
        api.call(() -> api.messages.trashMessage(accountId, spam.path("id").asString(), a));
        await().atMost(WITHIN).until(() -> serverFolder(dovecot, user, Dovecot.TRASH), list -> list.stream()
                .anyMatch(m -> m.header().equals(inboxHeader)));
        assertThat(serverFolder(dovecot, user, "INBOX")).isEmpty();
        assertThat(folder(deviceB, accountId, "Trash")).extracting(MessageView::getId)
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
        PublicApi api = deviceB.api();
        assertThat(api.status(() -> api.sent.fileSentMessageWithHttpInfo(accountId,
                PublicApi.rfc822(MAIL.formatted(user.address(), "thanks", sentHeader, "got it")), a))).isEqualTo(201);
        api.call(() -> api.messages.trashMessage(accountId, arrived.path("id").asString(), a));

        assertThat(folder(deviceB, accountId, "Sent")).extracting(MessageView::getMessageIdHeader)
                .containsExactly(sentHeader);
        assertThat(folder(deviceB, accountId, "Trash")).extracting(MessageView::getMessageIdHeader)
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
        PublicApi typed = api.api();
        await().atMost(WITHIN).until(() -> typed.call(() -> typed.deleted.listDeletedMessages(accountId)).getMessages()
                .stream().anyMatch(d -> id.equals(d.getMessage().getId())));
        assertThat(api.messageByHeader(accountId, header)).isNull();

        typed.call(() -> typed.deleted.restoreDeletedMessage(accountId, id, null));

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

        SuggestionsView suggestions = api.api().call(() -> api.api().quota.getSpaceSuggestions(accountId, 3));

        assertThat(suggestions.getLargest()).extracting(MessageSuggestion::getSize)
                .containsExactlyElementsOf(serverSizes);
        assertThat(suggestions.getLargest().getFirst().getSubject()).isEqualTo("40 KiB");
        assertThat(suggestions.getLargest().getFirst().getFrees()).isEqualTo(serverSizes.getFirst());
        assertThat(suggestions.getFolders().getFirst().getFrees())
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

    private static List<MessageView> folder(ApiClient api, String accountId, String folder) {
        return api.api().call(() -> api.api().messages.listMessages(accountId, folder, null, null, null, null))
                .getMessages();
    }
}
