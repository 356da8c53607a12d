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
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Issue 4's promise with the real fetcher: one read state across devices, written back to the IMAP server and
 * picked up from other IMAP clients; and for POP3, read state and bodies that outlive the server's copy.
 */
class ReadStateEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void readOnOneDeviceShowsOnTheOtherAndOnTheImapServerAndAnotherClientsFlagReachesBoth() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("read", null);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", dovecot.imapPort(),
                user.login(), user.password());
        ApiClient api = RunningSystem.customer(customer);
        String header = "<" + UUID.randomUUID() + "@read.test>";
        dovecot.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Read me", "once"));
        JsonNode listed = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header), m -> m != null);
        String messageId = listed.path("id").asString();

        String phone = api.registerDevice(accountId, "phone");
        String laptop = api.registerDevice(accountId, "laptop");
        String laptopState = api.state(accountId);

        api.keywords(accountId, messageId, phone, Map.of("$seen", true));

        // the laptop learns it from /changes, as a JMAP client would
        assertThat(api.changes(accountId, laptopState).getUpdated()).contains(messageId);
        assertThat(api.messageByHeader(accountId, header).path("keywords").path("$seen").asBoolean()).isTrue();
        assertThat(laptop).isNotBlank();

        // the IMAP server has \Seen: any other mail client sees the message as read
        await().atMost(WITHIN).until(() -> serverFlags(dovecot, user).contains(Flags.Flag.SEEN));

        // another IMAP client flags it: both devices see $flagged
        String before = api.state(accountId);
        setServerFlag(dovecot, user, Flags.Flag.FLAGGED);
        await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header)
                .path("keywords").path("$flagged").asBoolean());
        assertThat(api.changes(accountId, before).getUpdated()).contains(messageId);
    }

    @Test
    void aPop3MessageReadOnOneDeviceIsReadOnTheOtherAndStaysReadableAfterTheServerDeletedIt() {
        MailUser user = GreenMailKit.newUser("pop");
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().register(ApiClient.account(customer, "POP3", GreenMailKit.pop3Port(),
                user.login(), user.password()).put("storeBodies", true)
                .set("retention", ApiClient.JSON.createObjectNode().put("policy", "DELETE_AFTER_FETCH")));
        ApiClient api = RunningSystem.customer(customer);
        String header = "<" + UUID.randomUUID() + "@pop.test>";
        DemoMailboxes.deliverText(GreenMailKit.server().getUserManager().getUser(user.login()),
                MailText.withMessageId(header, "ann@sender.test", user.address(), "POP3 read state", "kept by mailsync"));

        JsonNode listed = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header), m -> m != null);
        String messageId = listed.path("id").asString();

        // the retention policy takes it off the server once mailsync has stored it...
        await().atMost(WITHIN).until(() -> GreenMailKit.server().getUserManager().getUser(user.login()) != null
                && serverMessageCount(user) == 0);
        // ...and every device can still read it
        assertThat(api.rawMessage(accountId, messageId)).contains("kept by mailsync");

        String phone = api.registerDevice(accountId, "phone");
        String state = api.state(accountId);
        api.keywords(accountId, messageId, phone, Map.of("$seen", true));
        assertThat(api.changes(accountId, state).getUpdated()).contains(messageId);
        assertThat(api.messageByHeader(accountId, header).path("keywords").path("$seen").asBoolean()).isTrue();
    }

    private static int serverMessageCount(MailUser user) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GreenMailKit.imapPort(), user.login(), user.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            return count;
        }
    }

    private static Flags serverFlags(Dovecot dovecot, MailUser user) throws Exception {
        try (Store store = connect(dovecot, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Flags flags = inbox.getMessage(1).getFlags();
            inbox.close(false);
            return flags;
        }
    }

    private static void setServerFlag(Dovecot dovecot, MailUser user, Flags.Flag flag) throws Exception {
        try (Store store = connect(dovecot, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message message = inbox.getMessage(1);
            message.setFlag(flag, true);
            inbox.close(false);
        }
    }

    private static Store connect(Dovecot dovecot, MailUser user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        return store;
    }
}
