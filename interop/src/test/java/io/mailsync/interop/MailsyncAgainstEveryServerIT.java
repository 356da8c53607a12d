package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10 end to end through mailsync itself: one mailsync system (devstack's four services in this JVM) watches a
 * mailbox on each of the four servers, and a customer's devices talk to it only through the gateway, while real
 * clients (Angus Mail, mutt) work on the same mailbox as "other devices". Siblings on the same running system:
 * {@link Pop3RetentionThroughMailsyncIT} (with fetchmail), {@link UidValidityResetThroughMailsyncIT} (and
 * {@link GreenMailFolderResetThroughMailsyncIT}),
 * {@link QuotaThroughMailsyncIT}, {@link RealClientsThroughMailsyncIT} (mbsync; Courier's full comparison).
 *
 * <p>Every scenario waits for mailsync's first sync of the account (up to {@link MailsyncAccount#FIRST_SYNC}) before it acts, then
 * asserts what a user notices within {@link #WITHIN}.
 */
class MailsyncAgainstEveryServerIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** No storage quota: usage then comes from the server alone (the provisioned-limit path is not under test here). */
    private static final long QUOTA = 0;

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void aDeliveredMessageIsPushedToTheDevicesByIdleWithItsSubjectAndSize(Supplier<MailServer> servers)
            throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("idle", QUOTA);
        // a poll interval far beyond the wait below: only IDLE can bring the message in time
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT5M");
        account.deliverAndAwaitFirstSync(server, user);

        String header = MailsyncAccount.messageId("idle");
        server.deliver(user, MailText.withMessageId(header, "Ann Sender <ann@sender.test>", user.address(),
                "Pushed by IDLE", "arrives while mailsync waits in IDLE"));

        JsonNode listed = await().atMost(WITHIN).until(() -> account.api().messageByHeader(account.id(), header),
                m -> m != null);
        assertThat(listed.path("subject").asString()).isEqualTo("Pushed by IDLE");
        assertThat(listed.path("from").toString()).contains("ann@sender.test");
        assertThat(listed.path("folder").asString()).isEqualTo("INBOX");
        assertThat(listed.path("size").asLong()).as("the size the server reports for it")
                .isEqualTo(ServerView.size(server, user, header));
    }

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void aMessageReadOnADeviceIsReadForEveryOtherImapClient(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("seen", QUOTA);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        String header = account.deliverAndAwaitFirstSync(server, user);
        JsonNode listed = account.api().messageByHeader(account.id(), header);
        assertThat(listed.path("keywords").path("$seen").asBoolean()).isFalse();
        assertThat(ServerView.flags(server, user, header).contains(Flags.Flag.SEEN)).isFalse();

        String phone = account.api().registerDevice(account.id(), "phone");
        account.api().keywords(account.id(), listed.path("id").asString(), phone, Map.of("$seen", true));

        await().atMost(WITHIN).untilAsserted(() ->
                assertThat(ServerView.flags(server, user, header).contains(Flags.Flag.SEEN))
                        .as("\\Seen as another IMAP client sees it").isTrue());
    }

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void whatMuttFlagsAndReadsReachesTheDevices(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("mutt", QUOTA);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        String untouched = account.deliverAndAwaitFirstSync(server, user);
        String header = MailsyncAccount.messageId("mutt");
        server.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Important Muttword",
                "flagged and read in mutt"));
        JsonNode listed = await().atMost(WITHIN).until(() -> account.api().messageByHeader(account.id(), header),
                m -> m != null);
        String messageId = listed.path("id").asString();
        String phone = account.api().registerDevice(account.id(), "phone");
        String state = account.state();

        try (MuttClient mutt = MuttClient.of(server, user)) {
            mutt.toggleFlag("Muttword");
            mutt.markRead("Muttword");
        }

        await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode now = account.api().messageByHeader(account.id(), header);
            assertThat(now.path("keywords").path("$flagged").asBoolean()).as("$flagged").isTrue();
            assertThat(now.path("keywords").path("$seen").asBoolean()).as("$seen").isTrue();
        });
        assertThat(account.changesSince(state).getUpdated()).contains(messageId);
        JsonNode other = account.api().messageByHeader(account.id(), untouched);
        assertThat(other.path("keywords").path("$flagged").asBoolean()).isFalse();
        assertThat(other.path("keywords").path("$seen").asBoolean()).isFalse();
        assertThat(phone).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void aMessageDeletedAndExpungedByMuttLeavesTheDevicesList(Supplier<MailServer> servers) {
        MailServer server = servers.get();
        MailUser user = server.newUser("gone", QUOTA);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        String kept = account.deliverAndAwaitFirstSync(server, user);
        String header = MailsyncAccount.messageId("gone");
        server.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Dropword message",
                "deleted in mutt"));
        JsonNode listed = await().atMost(WITHIN).until(() -> account.api().messageByHeader(account.id(), header),
                m -> m != null);
        String messageId = listed.path("id").asString();
        String state = account.state();

        try (MuttClient mutt = MuttClient.of(server, user)) {
            mutt.delete("Dropword");
        }

        await().atMost(WITHIN).until(() -> account.api().messageByHeader(account.id(), header) == null);
        assertThat(account.changesSince(state).getDestroyed()).contains(messageId);
        assertThat(account.api().messageByHeader(account.id(), kept)).as("the other message stays").isNotNull();
    }
}
