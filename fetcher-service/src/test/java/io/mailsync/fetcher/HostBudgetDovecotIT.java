package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AppendMessage;
import io.mailsync.events.HostLogin;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.TopicNames;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.EventTap;
import io.mailsync.fetcher.support.FetcherGroup;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.DovecotAuth;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.Requirements;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 22: a host that allows 5 sessions from mailsync, with 20 mailboxes on it, owned by two fetchers of one group.
 * Dovecot itself is asked, all the while, how many sessions are logged in ({@code doveadm who}): never more than 5 —
 * the budget is the host's, not each fetcher's (with a budget per fetcher it would see up to 10) — and every mailbox
 * is synced, on both fetchers: its first message, and one delivered later (the mailboxes without an IDLE place poll).
 * Every mailbox also watches a second folder and gets commands on other folders (a flag set on a message in Archive,
 * a sent copy appended to Sent): before issue 22's one-connection rule each such mailbox opened a second connection
 * that the budget did not count and Angus kept pooled, so Dovecot saw up to 9 sessions.
 */
class HostBudgetDovecotIT {

    private static final int BUDGET = 5;
    private static final int MAILBOXES = 20;
    private static final String ARCHIVE = "Archive";
    private static final SecretCipher CIPHER = new SecretCipher(AccountFeed.KEY_ID, AccountFeed.KEY);
    private static final Map<String, String> QUICK = Map.of("mailsync.fetcher.session.backoff-start", "200ms",
            "mailsync.fetcher.session.backoff-max", "1s");
    private static Dovecot dovecot;

    @BeforeAll
    static void server() {
        Requirements.dovecot();
        dovecot = Dovecot.start(DovecotAuth.master("mailsync", "master-pw"));
    }

    @AfterAll
    static void stop() {
        dovecot.close();
    }

    @Test
    void twentyMailboxesWithTwoFoldersAndCommandsElsewhereNeverHoldMoreThanTheHostsFiveAndAllAreSynced()
            throws Exception {
        TopicNames topics = KafkaKit.newNamespace();
        String database = "mailsync-fetcher-" + UUID.randomUUID().toString().substring(0, 8);
        HostLogin host = new HostLogin("isp-budget", HostLogin.Mechanism.MASTER_PLAIN, "mailsync",
                CIPHER.encrypt(HostLogin.secretContext("isp-budget"), "master-pw"), null, null, BUDGET);
        List<MailUser> users = new ArrayList<>();
        for (int i = 0; i < MAILBOXES; i++) {
            MailUser user = dovecot.newUser("budget" + i, null);
            dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "first", "1"));
            dovecot.doveadm("mailbox", "create", "-u", user.login(), ARCHIVE);
            dovecot.deliver(user, ARCHIVE, MailText.simple("a@example.net", user.address(), "archived", "0"));
            users.add(user);
        }
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        try (EventTap events = new EventTap(topics.events()); AccountFeed accounts = new AccountFeed(topics);
             ConfigurableApplicationContext a = FetcherGroup.start("fetcher-a", topics, database, QUICK);
             ConfigurableApplicationContext b = FetcherGroup.start("fetcher-b", topics, database, QUICK)) {
            // both in the group before the mailboxes come, so each owns about half of them
            // (ownership is mail.accounts alone since ADR 0007's uniform-assignor amendment: 12 partitions between them)
            await().atMost(Duration.ofSeconds(60)).until(() -> FetcherGroup.assignedPartitions(a) > 0
                    && FetcherGroup.assignedPartitions(b) > 0
                    && FetcherGroup.assignedPartitions(a) + FetcherGroup.assignedPartitions(b) == 12);
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (watching.get()) {
                    most.accumulateAndGet(loggedIn(), Math::max);
                }
            });
            List<String> accountIds = new ArrayList<>();
            for (MailUser user : users) {
                String accountId = "acc-" + UUID.randomUUID();
                accountIds.add(accountId);
                AccountSpec spec = accounts.imapWithFolders(accountId, dovecot.imapPort(), user.login(), "unused",
                        List.of("INBOX", ARCHIVE));
                accounts.register(spec.withSecret(null, Instant.now()).withHostLogin(host, Instant.now()));
            }
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> accountIds.stream()
                        .allMatch(id -> arrived(events, id, "INBOX").size() == 1
                                && arrived(events, id, ARCHIVE).size() == 1));
                ContentStore contents = a.getBean(ContentStore.class);
                for (int i = 0; i < MAILBOXES; i++) {
                    String accountId = accountIds.get(i);
                    MailUser user = users.get(i);
                    MessageArrived archived = arrived(events, accountId, ARCHIVE).getFirst();
                    accounts.command(new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                            Origin.device("phone-1"), archived.locator(), Set.of("$flagged"), Set.of(),
                            archived.modSeq()));
                    String header = "<" + UUID.randomUUID() + "@example.net>";
                    byte[] sent = MailText.withMessageId(header, user.address(), "b@example.net", "sent", "3")
                            .getBytes(StandardCharsets.UTF_8);
                    String ref = contents.put(AccountId.of(accountId), "s", sent);
                    accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                            Origin.device("phone-1"), "Sent", "\\Sent", ref, sent.length, header, Set.of("$seen"),
                            null));
                    dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "second", "2"));
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> accountIds.stream()
                        .allMatch(id -> arrived(events, id, "INBOX").size() == 2));
                await().atMost(Duration.ofSeconds(120)).until(() -> users.stream().allMatch(user ->
                        dovecot.doveadm("fetch", "-u", user.login(), "flags", "mailbox", ARCHIVE, "all")
                                .contains("\\Flagged")
                        && dovecot.doveadm("mailbox", "status", "-u", user.login(), "messages", Dovecot.SENT)
                                .contains("messages=1")));
            } finally {
                watching.set(false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isAlive());

            assertThat(most.get()).as("sessions logged in at once at the server, over both fetchers")
                    .isPositive().isLessThanOrEqualTo(BUDGET);
            Set<String> fetchers = accountIds.stream().map(id -> holder(events, id)).collect(Collectors.toSet());
            assertThat(fetchers).as("fetchers that synced the host's mailboxes")
                    .containsExactlyInAnyOrder("fetcher-a", "fetcher-b");
            accountIds.forEach(accounts::remove);
        }
    }

    private static List<MessageArrived> arrived(EventTap events, String accountId, String folder) {
        return events.of(MessageArrived.class, accountId).stream()
                .filter(m -> folder.equals(m.locator().folder())).toList();
    }

    /** The fetcher instance whose session announced the account's latest status. */
    private static String holder(EventTap events, String accountId) {
        String origin = events.of(AccountStatusChanged.class, accountId).getLast().origin().id();
        return origin.substring(0, origin.indexOf('/'));
    }

    /** Logged-in IMAP/POP3 sessions Dovecot counts right now ({@code doveadm who}: user, count, protocol, ...). */
    private static int loggedIn() {
        int sessions = 0;
        for (String line : dovecot.doveadm("who").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 1 && fields[1].matches("\\d+")) {
                sessions += Integer.parseInt(fields[1]);
            }
        }
        return sessions;
    }
}
