package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, a real mail client as another device of the same customer while mailsync watches the mailbox:
 * {@code mbsync} (isync) keeps a laptop's Maildir in step with the server. What it marks read reaches mailsync's
 * devices; what a mailsync device marks read is seen in mbsync's Maildir after its next sync. (mutt is in
 * {@link MailsyncAgainstEveryServerIT}, fetchmail in {@link Pop3RetentionThroughMailsyncIT}.)
 *
 * <p>Courier offers no CONDSTORE, so there another client's flag change can only be found by mailsync's full
 * comparison ({@code UID FETCH 1:* (FLAGS)} against its stored state, every {@code full-compare-every}): that case is
 * its own test, named for it, and first checks that Courier really does not advertise CONDSTORE.
 */
class RealClientsThroughMailsyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    static Stream<Named<Supplier<MailServer>>> withCondstoreOrIdle() {
        return InteropServers.all().filter(named -> !named.getName().equals("courier"));
    }

    @ParameterizedTest
    @MethodSource("withCondstoreOrIdle")
    void whatMbsyncMarksReadReachesTheDevicesAndWhatADeviceMarksReadReachesMbsync(Supplier<MailServer> servers)
            throws Exception {
        mbsyncAndADeviceMarkReadEachOthersMessages(servers.get());
    }

    @Test
    void onCourierWithoutCondstoreMbsyncsReadReachesTheDevicesByTheFullComparison() throws Exception {
        MailServer courier = CourierServer.shared();
        assertThat(CapabilityProbe.probe(courier).imap("CONDSTORE")).as("Courier advertises CONDSTORE").isFalse();
        mbsyncAndADeviceMarkReadEachOthersMessages(courier);
    }

    private static void mbsyncAndADeviceMarkReadEachOthersMessages(MailServer server) throws Exception {
        MailUser user = server.newUser("mbsync", 0);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        account.deliverAndAwaitFirstSync(server, user);
        String laptopReads = MailsyncAccount.messageId("laptop");
        String phoneReads = MailsyncAccount.messageId("phone");
        server.deliver(user, MailText.withMessageId(laptopReads, "ann@sender.test", user.address(),
                "Laptopword news", "read in the laptop's mail client"));
        server.deliver(user, MailText.withMessageId(phoneReads, "ann@sender.test", user.address(),
                "Phoneword news", "read on the phone"));
        await().atMost(WITHIN).until(() -> account.message(laptopReads) != null && account.message(phoneReads) != null);
        String phone = account.api().registerDevice(account.id(), "phone");

        try (MbsyncClient laptop = MbsyncClient.of(server, user)) {
            laptop.sync();
            assertThat(laptop.localMessages()).as("mbsync's local copy").isEqualTo(3);

            // the laptop reads one: mbsync pushes \Seen to the server, mailsync brings it to the devices
            laptop.markReadLocally("Laptopword");
            laptop.sync();
            assertThat(ServerView.flags(server, user, laptopReads).contains(Flags.Flag.SEEN))
                    .as("\\Seen on the server after mbsync's sync").isTrue();
            await().atMost(WITHIN).until(() -> MailsyncAccount.seen(account.message(laptopReads)));

            // the phone reads the other: mailsync writes it back, mbsync's next sync brings it to the laptop
            JsonNode listed = account.message(phoneReads);
            assertThat(MailsyncAccount.seen(listed)).isFalse();
            account.markRead(phone, listed);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(ServerView.flags(server, user, phoneReads)
                    .contains(Flags.Flag.SEEN)).as("written back by mailsync").isTrue());
            laptop.sync();
            assertThat(laptop.seenLocally("Phoneword")).as("seen in mbsync's Maildir").isTrue();
            assertThat(laptop.seenLocally("Hello first")).as("the untouched one, in mbsync's Maildir").isFalse();
        }
        assertThat(MailsyncAccount.seen(account.message(phoneReads))).isTrue();
        assertThat(account.messages()).as("nothing listed twice").hasSize(3);
    }
}
