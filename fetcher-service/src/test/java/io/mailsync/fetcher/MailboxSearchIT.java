package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.Origin;
import io.mailsync.events.SearchCriteria;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.TopicReader;
import jakarta.mail.Flags;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 20's server-side search at the owning fetcher: a {@code SearchMailbox} is run as {@code UID SEARCH} by the
 * server and answered with exactly the UIDs that match — by sender, subject words, arrival dates, unread, body text.
 */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s"})
class MailboxSearchIT extends FetcherIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    static String mail(String from, String subject, String date, String body) {
        return "From: " + from + "\r\nTo: me@example.test\r\nSubject: " + subject + "\r\nDate: " + date
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@search.test>\r\n\r\n" + body + "\r\n";
    }

    /** Four messages; the Date header is what Angus APPENDs as INTERNALDATE. */
    static void fill(int port, MailUser user) {
        Flags seen = new Flags(Flags.Flag.SEEN);
        Flags seenFlagged = new Flags(Flags.Flag.SEEN);
        seenFlagged.add(Flags.Flag.FLAGGED);
        Mailboxes.append(port, user.login(), user.password(), mail("Ann <ann@example.test>", "Lunch plans Friday",
                "Tue, 10 Nov 2026 09:00:00 +0000", "where shall we go"), new Flags());
        Mailboxes.append(port, user.login(), user.password(), mail("Bob <bob@example.test>", "Quarterly report",
                "Fri, 20 Nov 2026 09:00:00 +0000", "numbers"), seen);
        Mailboxes.append(port, user.login(), user.password(), mail("ann@example.test", "Re: lunch plans",
                "Wed, 25 Nov 2026 09:00:00 +0000", "the usual place"), seenFlagged);
        Mailboxes.append(port, user.login(), user.password(), mail("Carl <carl@example.test>", "Holiday",
                "Tue, 1 Dec 2026 09:00:00 +0000", "please pay the invoice"), new Flags());
    }

    @Test
    void greenMailFindsExactlyTheMatchingMessages() {
        MailUser user = GreenMailKit.newUser("search");
        searches(GreenMailKit.imapPort(), user);
    }

    @Test
    void dovecotFindsExactlyTheMatchingMessages() {
        Dovecot dovecot = Dovecot.shared();
        searches(dovecot.imapPort(), dovecot.newUser("search", null));
    }

    private void searches(int port, MailUser user) {
        fill(port, user);
        String accountId = registerImap(user, port);
        awaitStatus(accountId, Status.IDLE);
        await().atMost(WITHIN).until(() -> events.of(MessageArrived.class, accountId).size() == 4);
        Map<String, Long> uidBySubject = events.of(MessageArrived.class, accountId).stream()
                .collect(Collectors.toMap(MessageArrived::subject, a -> a.locator().uid()));

        // by the sender's address: GreenMail matches FROM by whole address (Dovecot also by any part of it)
        assertThat(subjects(accountId, criteria("ann@example.test", null, null, null, null, null), uidBySubject))
                .containsExactlyInAnyOrder("Lunch plans Friday", "Re: lunch plans");
        assertThat(subjects(accountId, criteria(null, "lunch plans", null, null, null, null), uidBySubject))
                .containsExactlyInAnyOrder("Lunch plans Friday", "Re: lunch plans");
        assertThat(subjects(accountId, criteria(null, null, null, LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 11, 30), null), uidBySubject))
                .containsExactlyInAnyOrder("Quarterly report", "Re: lunch plans");
        assertThat(subjects(accountId, criteria(null, null, null, null, null, true), uidBySubject))
                .containsExactlyInAnyOrder("Lunch plans Friday", "Holiday");
        assertThat(subjects(accountId, criteria(null, null, "invoice", null, null, null), uidBySubject))
                .containsExactly("Holiday");
        assertThat(subjects(accountId, criteria("nobody@example.test", null, null, null, null, null), uidBySubject)).isEmpty();
        accounts.remove(accountId);
    }

    private static SearchCriteria criteria(String from, String subject, String text, LocalDate since,
                                           LocalDate before, Boolean unread) {
        return new SearchCriteria(from, null, subject, text, since, before, unread, null, null);
    }

    private static List<String> subjects(String accountId, SearchCriteria criteria, Map<String, Long> uidBySubject) {
        SearchMailbox request = new SearchMailbox(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("d"),
                List.of("INBOX"), criteria, Instant.now().plusSeconds(60));
        accounts.command(request);
        MailboxSearched reply = await().atMost(WITHIN).until(() -> TopicReader.read(topics.replies(), accountId,
                MailboxSearched.class).stream().filter(r -> r.commandId().equals(request.commandId())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(reply.outcome()).isEqualTo(MailboxSearched.Outcome.FOUND);
        List<Long> uids = reply.folders().getFirst().uids();
        return uidBySubject.entrySet().stream().filter(e -> uids.contains(e.getValue())).map(Map.Entry::getKey)
                .toList();
    }
}
