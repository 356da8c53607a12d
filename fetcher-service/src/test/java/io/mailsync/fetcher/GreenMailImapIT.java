package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AppendMessage;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.Topics;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.support.DeadLetterTap;
import io.mailsync.fetcher.support.EpochStoreOutage;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.UIDFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** IMAP accounts against GreenMail (IDLE, no CONDSTORE/QRESYNC): the full-comparison path, on the real broker. */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s",
                "mailsync.fetcher.session.full-compare-every=500ms"})
@Import(EpochStoreOutage.class)
class GreenMailImapIT extends FetcherIntegrationTest {

    /** Health and metrics answer on a port of their own (issue 17). */
    @Value("${local.management.port}")
    int port;

    @Test
    void announcesExistingMailThenNewMailPushedByIdleAndStopsOnTombstone() {
        MailUser user = GreenMailKit.newUser("idle");
        int port = GreenMailKit.imapPort();
        String existingId = "<" + UUID.randomUUID() + "@mailsync.test>";
        Flags flags = new Flags(Flags.Flag.SEEN);
        flags.add(Flags.Flag.FLAGGED);
        flags.add("work");
        Mailboxes.append(port, user.login(), user.password(),
                MailText.withMessageId(existingId, "Alice <alice@example.net>", user.address(), "Already there", "hi"),
                flags);
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.imap(accountId, port, user.login(), user.password()));

        MessageArrived existing = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        assertThat(existing.messageIdHeader()).isEqualTo(existingId);
        assertThat(existing.subject()).isEqualTo("Already there");
        assertThat(existing.from()).containsExactly("Alice <alice@example.net>");
        assertThat(existing.to()).containsExactly(user.address());
        assertThat(existing.flags()).containsExactlyInAnyOrder("$seen", "$flagged", "work");
        assertThat(existing.locator().folder()).isEqualTo("INBOX");
        assertThat(existing.locator().uidValidity()).isPositive();
        assertThat(existing.size()).isPositive();
        assertThat(existing.sentAt()).isNotNull();
        assertThat(existing.receivedAt()).isNotNull();
        assertThat(existing.rebuild()).isFalse();

        awaitStatus(accountId, Status.IDLE);
        String newId = "<" + UUID.randomUUID() + "@mailsync.test>";
        Mailboxes.append(port, user.login(), user.password(),
                MailText.withMessageId(newId, "bob@example.net", user.address(), "Just arrived", "hello"),
                new Flags());

        MessageArrived pushed = await().atMost(Duration.ofSeconds(10))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() >= 2).get(1);
        assertThat(pushed.messageIdHeader()).isEqualTo(newId);
        assertThat(pushed.flags()).isEmpty();
        assertThat(pushed.locator().uid()).isGreaterThan(existing.locator().uid());
        assertThat(events.of(MessageArrived.class, accountId)).hasSize(2);

        accounts.remove(accountId);

        awaitStatus(accountId, Status.STOPPED);
    }

    @Test
    void aFlagSetOrAMessageDeletedByAnotherClientReachesTheTopic() {
        MailUser user = GreenMailKit.newUser("flags");
        int port = GreenMailKit.imapPort();
        appendPlain(user, "one");
        appendPlain(user, "two");
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, port, user.login(), user.password()));
        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() == 2);
        awaitStatus(accountId, Status.IDLE);

        Mailboxes.withInbox(port, user.login(), user.password(), inbox -> {
            UIDFolder uids = (UIDFolder) inbox;
            uids.getMessageByUID(arrived.get(0).locator().uid()).setFlag(Flags.Flag.SEEN, true);
            Message second = uids.getMessageByUID(arrived.get(1).locator().uid());
            second.setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
        });

        MessageFlagsChanged changed = awaitFirst(MessageFlagsChanged.class, accountId, Duration.ofSeconds(10));
        assertThat(changed.locator()).isEqualTo(arrived.get(0).locator());
        assertThat(changed.added()).containsExactly("$seen");
        assertThat(changed.origin()).isEqualTo(Origin.server());
        MessageExpunged expunged = awaitFirst(MessageExpunged.class, accountId, Duration.ofSeconds(10));
        assertThat(expunged.locator()).isEqualTo(arrived.get(1).locator());
        accounts.remove(accountId);
    }

    @Test
    void aDevicesSeenIsWrittenBackVisibleToOtherClientsAndAttributedToTheDevice() {
        MailUser user = GreenMailKit.newUser("writeback");
        int port = GreenMailKit.imapPort();
        appendPlain(user, "read me on the phone");
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, port, user.login(), user.password()));
        MessageArrived arrived = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        awaitStatus(accountId, Status.IDLE);

        accounts.command(new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                arrived.locator(), Set.of("$seen"), Set.of(), null));

        MessageFlagsChanged changed = awaitFirst(MessageFlagsChanged.class, accountId, Duration.ofSeconds(10));
        assertThat(changed.origin()).isEqualTo(Origin.device("phone-1"));
        assertThat(changed.added()).containsExactly("$seen");
        assertThat(seenOnServer(user, arrived)).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> events.of(MessageFlagsChanged.class, accountId).size() == 1);
        accounts.remove(accountId);
    }

    /**
     * Issue 12: a fetcher that cannot check its claim (the epoch store unreachable) does not write, and does not drop
     * the command either: it is applied once the store answers again.
     */
    @Test
    void aWriteBackWhoseOwnerCheckFailsIsAppliedOnceTheEpochStoreAnswersAgain() {
        MailUser user = GreenMailKit.newUser("epochs-down");
        int port = GreenMailKit.imapPort();
        appendPlain(user, "read me once the store is back");
        String accountId = registerImap(user, port);
        MessageArrived arrived = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        awaitStatus(accountId, Status.IDLE);

        Instant outage = Instant.now();
        EpochStoreOutage.ACCOUNTS.add(accountId);
        accounts.command(new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"), arrived.locator(), Set.of("$seen"), Set.of(), null));
        awaitStatus(accountId, Status.ERROR, outage, Duration.ofSeconds(10));
        assertThat(seenOnServer(user, arrived)).as("written while the claim could not be checked").isFalse();
        EpochStoreOutage.ACCOUNTS.remove(accountId);

        MessageFlagsChanged changed = awaitFirst(MessageFlagsChanged.class, accountId, Duration.ofSeconds(30));
        assertThat(changed.origin()).isEqualTo(Origin.device("phone-1"));
        assertThat(changed.added()).containsExactly("$seen");
        assertThat(seenOnServer(user, arrived)).isTrue();
        accounts.remove(accountId);
    }

    @Test
    void aWrongPasswordIsAuthFailedAndIsNotRetriedInALoop() {
        MailUser user = GreenMailKit.newUser("wrongpw");
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.imap(accountId, GreenMailKit.imapPort(), user.login(), "not-the-password"));

        AccountStatusChanged failed = awaitStatus(accountId, Status.AUTH_FAILED);
        assertThat(failed.reason()).doesNotContain("not-the-password");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() ->
                events.of(AccountStatusChanged.class, accountId).stream()
                        .filter(s -> s.status() == Status.CONNECTING).count() == 1);

        // the customer fixes the password: the new registration is tried at once, not after the slow retry
        accounts.register(accounts.withPassword(accounts.imap(accountId, GreenMailKit.imapPort(), user.login(),
                "x"), user.password()));
        awaitStatus(accountId, Status.IDLE);
        accounts.remove(accountId);
    }

    @Test
    void whereTheAccountStoresBodiesTheMessageIsStoredWithoutMarkingItRead() {
        MailUser user = GreenMailKit.newUser("bodies");
        appendPlain(user, "keep my body");
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.imapStoringBodies(accountId, GreenMailKit.imapPort(), user.login(),
                user.password()));

        MessageArrived arrived = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        assertThat(arrived.contentRef()).startsWith("gridfs:");
        assertThat(arrived.flags()).doesNotContain("$seen");
        AtomicBoolean seen = new AtomicBoolean(true);
        Mailboxes.withInbox(GreenMailKit.imapPort(), user.login(), user.password(), inbox -> seen.set(
                ((UIDFolder) inbox).getMessageByUID(arrived.locator().uid()).isSet(Flags.Flag.SEEN)));
        assertThat(seen).as("\\Seen on the server after the fetcher read the body").isFalse();
        accounts.remove(accountId);
    }

    @Test
    void anAppendMessageIsAppendedWithItsFlagsToItsFolderCreatedIfMissingAndArrivesAgain() {
        MailUser user = GreenMailKit.newUser("append");
        int port = GreenMailKit.imapPort();
        appendPlain(user, "put me back");
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imapStoringBodies(accountId, port, user.login(), user.password()));
        MessageArrived original = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        awaitStatus(accountId, Status.IDLE);

        // issue 11, sent mail: GreenMail marks no SPECIAL-USE folder, so the named one is created
        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "Sent", "\\Sent", original.contentRef(), original.size(), original.messageIdHeader(),
                Set.of("$seen"), null));
        // issue 11, a restored message: back to INBOX, where the IDLE session sees it arrive
        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "INBOX", null, original.contentRef(), original.size(), original.messageIdHeader(),
                Set.of("$flagged"), original.receivedAt()));

        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() == 2);
        MessageArrived again = arrived.get(1);
        assertThat(again.locator().folder()).isEqualTo("INBOX");
        assertThat(again.locator().uid()).isNotEqualTo(original.locator().uid());
        assertThat(again.messageIdHeader()).isEqualTo(original.messageIdHeader());
        assertThat(again.size()).isEqualTo(original.size());
        assertThat(again.flags()).contains("$flagged");
        AtomicBoolean sentAndSeen = new AtomicBoolean();
        Mailboxes.withInbox(port, user.login(), user.password(), inbox -> {
            jakarta.mail.Folder sent = inbox.getStore().getFolder("Sent");
            sent.open(jakarta.mail.Folder.READ_ONLY);
            sentAndSeen.set(sent.getMessageCount() == 1 && sent.getMessage(1).isSet(Flags.Flag.SEEN)
                    && sent.getMessage(1).getSubject().equals("put me back"));
            sent.close(false);
        });
        assertThat(sentAndSeen).isTrue();
        accounts.remove(accountId);
    }

    @Test
    void otherConfiguredFoldersArePolled() {
        MailUser user = GreenMailKit.newUser("folders");
        int port = GreenMailKit.imapPort();
        Mailboxes.appendTo(port, user.login(), user.password(), "Archive",
                MailText.simple("a@example.net", user.address(), "archived", "old"));
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.imapWithFolders(accountId, port, user.login(), user.password(),
                List.of("INBOX", "Archive")));

        MessageArrived archived = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        assertThat(archived.locator().folder()).isEqualTo("Archive");
        Mailboxes.appendTo(port, user.login(), user.password(), "Archive",
                MailText.simple("a@example.net", user.address(), "archived later", "new"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() == 2);
        accounts.remove(accountId);
    }

    @Test
    void reportsLivenessReadinessAndSessionMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String probe : List.of("liveness", "readiness")) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/" + probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).contains("UP");
        }
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("mailsync_fetcher_sessions{", "state=\"IDLE\"");
    }

    @Test
    void aPoisonAccountRecordGoesToTheDeadLetterTopicWithItsReason() {
        String accountId = "acc-" + UUID.randomUUID();
        accounts.raw(topics.accounts(), accountId, "{\"type\":\"AccountSpec\",\"schemaVersion\":1,\"accountId\":\"x\"}");

        try (DeadLetterTap dlt = new DeadLetterTap(Topics.deadLetter(topics.accounts()))) {
            DeadLetterTap.Letter letter = await().atMost(Duration.ofSeconds(20))
                    .until(() -> dlt.find(accountId), java.util.Optional::isPresent).orElseThrow();
            assertThat(letter.reason()).contains("malformed");
        }
        assertThat(events.of(AccountStatusChanged.class, accountId)).isEmpty();
    }

    private static boolean seenOnServer(MailUser user, MessageArrived arrived) {
        AtomicBoolean seen = new AtomicBoolean();
        Mailboxes.withInbox(GreenMailKit.imapPort(), user.login(), user.password(), inbox -> seen.set(
                ((UIDFolder) inbox).getMessageByUID(arrived.locator().uid()).isSet(Flags.Flag.SEEN)));
        return seen.get();
    }

    /**
     * A server whose quota answer cannot be read (GreenMail's): the INBOX is counted, every message's size summed,
     * and counted again once more mail arrives.
     */
    @Test
    void withoutAReadableQuotaTheInboxIsCounted() {
        MailUser user = GreenMailKit.newUser("sizes");
        appendPlain(user, "one");
        appendPlain(user, "two");
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, GreenMailKit.imapPort(), user.login(), user.password()));
        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() == 2);

        MailboxUsageSampled usage = awaitFirst(MailboxUsageSampled.class, accountId, Duration.ofSeconds(20));

        assertThat(usage.source()).isEqualTo(MailboxUsageSampled.Source.FOLDER_SIZES);
        assertThat(usage.messageCount()).isEqualTo(2L);
        assertThat(usage.storageUsedBytes()).isEqualTo(arrived.get(0).size() + arrived.get(1).size());
        assertThat(usage.storageLimitBytes()).isNull();
        accounts.remove(accountId);
    }

    private static void appendPlain(MailUser user, String subject) {
        Mailboxes.append(GreenMailKit.imapPort(), user.login(), user.password(),
                MailText.simple("sender@example.net", user.address(), subject, "body"), new Flags());
    }
}
