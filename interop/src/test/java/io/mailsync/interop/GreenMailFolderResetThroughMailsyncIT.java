package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.FolderReset;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.TopicReader;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10, UIDVALIDITY reset on GreenMail: its INBOX's UIDVALIDITY cannot be provoked to change (see
 * {@link UidValidityResetThroughMailsyncIT}), but a watched folder besides INBOX can be recreated as a restore does:
 * its messages copied (with their flags) into a new folder, the old one deleted and the new one renamed into its
 * place. GreenMail gives a folder the UIDVALIDITY of its creation second, so the folder has a new one. mailsync polls
 * such a folder every poll interval; what a user notices is the same as on the other servers: one {@link FolderReset},
 * the same messages listed once under the same ids, read still read.
 */
class GreenMailFolderResetThroughMailsyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(45);
    private static final String FOLDER = "Archive";

    @Test
    void aWatchedFolderRecreatedUnderANewUidValidityIsOneFolderResetAndNoFlood() throws Exception {
        MailServer server = GreenMailServer.shared();
        MailUser user = server.newUser("freset", 0);
        String read = MailsyncAccount.messageId("archived-read");
        String unread = MailsyncAccount.messageId("archived-unread");
        try (IMAPStore store = Stores.imap(server, user)) {
            Folder archive = store.getFolder(FOLDER);
            archive.create(Folder.HOLDS_MESSAGES);
            archive.appendMessages(new Message[] {message(user, read, "Archived one"),
                    message(user, unread, "Archived two")});
        }
        ObjectNode body = MailsyncAccount.imapBody(server, user, "PT10S");
        body.set("folders", ApiClient.JSON.createArrayNode().add("INBOX").add(FOLDER));
        MailsyncAccount account = MailsyncAccount.register(body);
        await().atMost(MailsyncAccount.FIRST_SYNC)
                .until(() -> account.message(read) != null && account.message(unread) != null);
        assertThat(account.message(read).path("folder").asString()).isEqualTo(FOLDER);

        String phone = account.api().registerDevice(account.id(), "phone");
        account.markRead(phone, account.message(read));
        List<String> idsBefore = ids(account);
        long validityBefore = recreate(server, user);

        try (IMAPStore store = Stores.imap(server, user)) {
            assertThat(((UIDFolder) store.getFolder(FOLDER)).getUIDValidity()).as("the folder's new UIDVALIDITY")
                    .isNotEqualTo(validityBefore);
        }
        await().atMost(WITHIN).until(() -> folderResets(account).size(), n -> n >= 1);
        // the rebuild is announced in the same poll as the reset; and over the next poll nothing floods in
        await().during(Duration.ofSeconds(12)).atMost(WITHIN).until(() -> account.messages().size() == 2);

        assertThat(folderResets(account)).as("FolderReset events").hasSize(1)
                .allSatisfy(reset -> assertThat(reset.folder()).isEqualTo(FOLDER));
        assertThat(account.messages()).as("the devices' list, no duplicates").hasSize(2);
        assertThat(account.timesListed(read)).isOne();
        assertThat(account.timesListed(unread)).isOne();
        assertThat(ids(account)).as("the same messages keep their ids").containsExactlyInAnyOrderElementsOf(idsBefore);
        assertThat(MailsyncAccount.seen(account.message(read))).as("read on the phone, still read").isTrue();
        assertThat(MailsyncAccount.seen(account.message(unread))).as("never read, still unread").isFalse();
    }

    /** Copy aside into a new folder, delete the old, rename the new into its place; answers the old UIDVALIDITY. */
    private static long recreate(MailServer server, MailUser user) throws Exception {
        try (IMAPStore store = Stores.imap(server, user)) {
            Folder archive = store.getFolder(FOLDER);
            long before = ((UIDFolder) archive).getUIDValidity();
            Folder restored = store.getFolder(FOLDER + "-restored");
            // a new creation second: GreenMail's UIDVALIDITY is the folder's creation time in seconds
            await().atMost(Duration.ofSeconds(3)).until(() -> System.currentTimeMillis() / 1000 > before);
            restored.create(Folder.HOLDS_MESSAGES);
            archive.open(Folder.READ_ONLY);
            archive.copyMessages(archive.getMessages(), restored);
            archive.close(false);
            if (!archive.delete(false) || !restored.renameTo(store.getFolder(FOLDER))) {
                throw new IllegalStateException("GreenMail refused to replace " + FOLDER);
            }
            return before;
        }
    }

    private static Message message(MailUser user, String header, String subject) throws Exception {
        String text = MailText.withMessageId(header, "ann@sender.test", user.address(), subject, "kept in a folder");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(MailsyncAccount account) {
        return account.messages().stream().map(m -> m.path("id").asString()).toList();
    }

    private static List<FolderReset> folderResets(MailsyncAccount account) {
        return TopicReader.read(RunningMailsync.topics().events(), account.id(), FolderReset.class);
    }
}
