package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.FolderReset;
import io.mailsync.events.MessageArrived;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.TopicReader;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, UIDVALIDITY reset through mailsync (RFC 3501 §2.3.1.1: every cached UID is void) on each server where it
 * can be provoked: Dovecot ({@code doveadm mailbox update --uid-validity}), Cyrus (the mailbox deleted, created anew
 * and its messages copied back, as an admin's restore does), Courier (a new UIDVALIDITY in
 * {@code courierimapuiddb}). What a user notices: the same messages listed once each, under the same ids, the one
 * read on a device still read — no flood of "new" mail — and mailsync announced exactly one {@link FolderReset}.
 *
 * <p>Courier's running imapd keeps the UIDVALIDITY it read at SELECT and never announces a new one, so its reset
 * also ends the user's IMAP sessions, as a restore does; mailsync logs in again and finds the new value. Courier's
 * SELECT has no UIDNEXT, so its case also proves the fetcher's fallback (one above the highest UID). Dovecot
 * ends the session itself ({@code BYE IMAP session state is inconsistent}); Cyrus's deleted mailbox does too.
 *
 * <p><b>GreenMail is not here</b>: it fixes a folder's UIDVALIDITY when it creates the folder (the creation second)
 * and has no IMAP command or API that changes it for an existing folder, and the launcher knows no way to replace
 * the INBOX under a user's live session ({@link GreenMailServer#canResetUidValidity()} is false). On GreenMail the
 * reset is provoked on a watched folder besides INBOX instead: {@link GreenMailFolderResetThroughMailsyncIT}.
 */
class UidValidityResetThroughMailsyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(45);

    static Stream<Named<Supplier<MailServer>>> resettable() {
        // GreenMail: impossible to provoke (see the class comment)
        return InteropServers.all().filter(named -> !named.getName().equals("greenmail"));
    }

    /** The premise of the Courier case: without UIDNEXT at SELECT the rebuild rests on the fetcher's fallback. */
    @Test
    void courierSendsNoUidNextInItsSelectResponse() throws Exception {
        MailServer courier = CourierServer.shared();
        MailUser user = courier.newUser("uidnext", 0);
        courier.deliver(user, MailText.simple("ann@sender.test", user.address(), "Any", "one message"));
        assertThat(ServerView.uidNextAtSelect(courier, user)).as("UIDNEXT from Courier's SELECT, as Angus reads it")
                .isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("resettable")
    void aNewUidValidityIsOneFolderResetAndTheSameMessagesStayListedOnceWithTheirReadState(
            Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        assertThat(server.canResetUidValidity()).isTrue();
        MailUser user = server.newUser("reset", 0);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        String read = account.deliverAndAwaitFirstSync(server, user);
        String unread = MailsyncAccount.messageId("unread");
        server.deliver(user, MailText.withMessageId(unread, "ann@sender.test", user.address(), "Stays unread",
                "never opened"));
        await().atMost(WITHIN).until(() -> account.message(unread), m -> m != null);

        String phone = account.api().registerDevice(account.id(), "phone");
        account.markRead(phone, account.message(read));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(ServerView.flags(server, user, read)
                .contains(Flags.Flag.SEEN)).as("written back before the reset").isTrue());
        List<String> idsBefore = ids(account);
        long validityBefore = ServerView.uidValidity(server, user);

        server.resetUidValidity(user);
        assertThat(ServerView.uidValidity(server, user)).as("the server's new UIDVALIDITY")
                .isNotEqualTo(validityBefore);

        // mail after the reset: listed once it arrives, so the rebuild before it is done
        String after = MailsyncAccount.messageId("after");
        server.deliver(user, MailText.withMessageId(after, "ann@sender.test", user.address(), "After the reset",
                "new mail under the new UIDVALIDITY"));
        await().atMost(WITHIN).until(() -> account.message(after), m -> m != null);
        await().atMost(WITHIN).until(() -> folderResets(account).size(), n -> n >= 1);

        assertThat(folderResets(account)).as("FolderReset events for the account").hasSize(1)
                .allSatisfy(reset -> assertThat(reset.newUidValidity()).isNotEqualTo(validityBefore));
        assertThat(account.messages()).as("the devices' list: the same two plus the new one, no duplicates; "
                + "mailsync announced (uidValidity/uid rebuild subject): %s", arrivals(account)).hasSize(3);
        assertThat(account.timesListed(read)).isOne();
        assertThat(account.timesListed(unread)).isOne();
        assertThat(ids(account)).as("the same messages keep their ids").containsAll(idsBefore);
        assertThat(MailsyncAccount.seen(account.message(read))).as("read on the phone, still read").isTrue();
        assertThat(MailsyncAccount.seen(account.message(unread))).as("never read, still unread").isFalse();
    }

    private static List<String> ids(MailsyncAccount account) {
        return account.messages().stream().map(m -> m.path("id").asString()).toList();
    }

    /** What the fetcher announced, for a failure message: which arrivals it marked as the silent rebuild. */
    private static List<String> arrivals(MailsyncAccount account) {
        return TopicReader.read(RunningMailsync.topics().events(), account.id(), MessageArrived.class).stream()
                .map(a -> a.locator().uidValidity() + "/" + a.locator().uid() + (a.rebuild() ? " rebuild " : " new ")
                        + a.subject()).toList();
    }

    private static List<FolderReset> folderResets(MailsyncAccount account) {
        return TopicReader.read(RunningMailsync.topics().events(), account.id(), FolderReset.class);
    }

}
