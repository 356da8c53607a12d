package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MailboxSearched.FolderHits;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.mail.AccountId;
import io.mailsync.support.content.GridFsBlobStore;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.builders.MessageArrivedBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's search, {@code GET .../messages?query=}: for an IMAP mailbox the owning fetcher's server search (the test
 * plays the fetcher) is mapped back to exactly the stored messages, as the listing's message objects and pages; for a
 * POP3 mailbox the same filters run over what mailsync keeps — by sender, subject words, date range, unread, body
 * text — and return exactly the expected messages. A query that is not one is a 400.
 */
class MessageSearchIT extends SyncIntegrationTest {

    private static final GridFsBlobStore BLOBS = new GridFsBlobStore(CONTENT_URI);

    @AfterAll
    static void closeBlobs() {
        BLOBS.close();
    }

    private static List<String> subjects(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        response.body().path("messages").forEach(m -> subjects.add(m.path("subject").asString()));
        return subjects;
    }

    private static String q(String query) {
        return "/messages?query=" + ApiClient.encode(query);
    }

    @Test
    void anImapMailboxIsSearchedByItsServerAndTheUidsFoundAreTheMessagesReturned() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        String[] subjects = {"Lunch plans Friday", "Quarterly report", "Re: lunch plans", "Holiday"};
        for (int uid = 1; uid <= 4; uid++) {
            Broker.publish(topics.events(), aMessageArrived().forAccount(accountId).withUidValidity(7).withUid(uid)
                    .withMessageIdHeader("<s" + uid + "@test>").withSubject(subjects[uid - 1]).build());
        }
        ApiClient api = customer(customer);
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(4));
        String base = "/api/v1/accounts/" + accountId;
        answer(accountId, 1, List.of(1L, 3L, 99L));
        List<String> firstPage = subjects(api.get(base + q("from:ann@example.test subject:\"lunch plans\"")
                + "&limit=1"));
        SearchMailbox asked = awaitSearches(accountId, 1).getFirst();
        assertThat(asked.folders()).containsExactly("INBOX");
        assertThat(asked.criteria().from()).isEqualTo("ann@example.test");
        assertThat(asked.criteria().subject()).isEqualTo("lunch plans");
        assertThat(firstPage).containsExactly("Re: lunch plans"); // newest first; UID 99 is not stored: not listed
        answer(accountId, 2, List.of(1L, 3L, 99L));
        JsonNode page = api.get(base + q("from:ann@example.test subject:\"lunch plans\"") + "&limit=1").body();
        String cursor = page.path("nextCursor").asString();
        assertThat(page.path("state").asString()).isNotBlank();
        answer(accountId, 3, List.of(1L, 3L));
        assertThat(subjects(api.get(base + q("from:ann@example.test subject:\"lunch plans\"") + "&limit=1&cursor="
                + cursor))).containsExactly("Lunch plans Friday");
    }

    /** Plays the owning fetcher: answers the account's {@code nth} search with these UIDs in INBOX. */
    private static void answer(String accountId, int nth, List<Long> uids) {
        Thread.ofVirtual().start(() -> {
            SearchMailbox asked = awaitSearches(accountId, nth).get(nth - 1);
            Broker.publish(topics.replies(), new MailboxSearched(asked.commandId(), Instant.now(),
                    AccountId.of(accountId),
                    MailboxSearched.Outcome.FOUND, List.of(new FolderHits("INBOX", 7, uids)), null, null));
        });
    }

    private static List<SearchMailbox> awaitSearches(String accountId, int count) {
        return Broker.awaitAll(topics.commands(), r -> accountId.equals(r.key()) && r.value().contains("SearchMailbox"),
                count, Duration.ofSeconds(20)).stream()
                .map(r -> Broker.decode(r, SearchMailbox.class).orElseThrow()).toList();
    }

    @Test
    void aPop3MailboxIsSearchedOverWhatMailsyncKeeps() {
        String customer = newCustomer();
        Map<String, Object> pop3 = new HashMap<>(imapAccount(customer));
        pop3.put("protocol", "POP3");
        String accountId = register(pop3);
        arrive(accountId, "u1", "Ann <ann@example.test>", "Lunch plans Friday", "2026-11-10", "where shall we go");
        arrive(accountId, "u2", "Bob <bob@example.test>", "Quarterly report", "2026-11-20", "numbers", "$seen");
        arrive(accountId, "u3", "ann@example.test", "Re: lunch plans", "2026-11-25", "the usual", "$seen",
                "$flagged");
        arrive(accountId, "u4", "Carl <carl@example.test>", "Holiday", "2026-12-01", "please pay the INVOICE");
        ApiClient api = customer(customer);
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(4));
        String base = "/api/v1/accounts/" + accountId;

        assertThat(subjects(api.get(base + q("from:ann@example.test"))))
                .containsExactly("Re: lunch plans", "Lunch plans Friday");
        assertThat(subjects(api.get(base + q("subject:\"lunch plans\""))))
                .containsExactly("Re: lunch plans", "Lunch plans Friday");
        assertThat(subjects(api.get(base + q("since:2026-11-15 before:2026-11-30"))))
                .containsExactly("Re: lunch plans", "Quarterly report");
        assertThat(subjects(api.get(base + q("is:unread")))).containsExactly("Holiday", "Lunch plans Friday");
        assertThat(subjects(api.get(base + q("is:flagged")))).containsExactly("Re: lunch plans");
        assertThat(subjects(api.get(base + q("invoice")))).containsExactly("Holiday");
        assertThat(subjects(api.get(base + q("from:nobody@example.test")))).isEmpty();
        assertThat(Broker.readAll(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("SearchMailbox"))).as("POP3 asks no server").isEmpty();
    }

    private static void arrive(String accountId, String uidl, String from, String subject, String day, String body,
                               String... flags) {
        String rfc822 = "From: " + from + "\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n";
        String ref = BLOBS.put(uidl + ".eml", rfc822.getBytes(StandardCharsets.UTF_8), Map.of());
        MessageArrivedBuilder arrived = aMessageArrived().forAccount(accountId).withUidl(uidl).from(from)
                .withSubject(subject).withMessageIdHeader("<" + uidl + "@test>").withContentRef(ref)
                .receivedAt(LocalDate.parse(day).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC)).withFlags(flags);
        Broker.publish(topics.events(), arrived.build());
    }

    @Test
    void aQueryThatIsNoneIsA400() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient api = customer(customer);
        String base = "/api/v1/accounts/" + accountId;

        ApiClient.Response unknown = api.get(base + q("color:blue"));
        ApiClient.Response date = api.get(base + q("since:yesterday"));
        ApiClient.Response range = api.get(base + q("since:2026-12-01 before:2026-11-01"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("detail").asString()).contains("unknown filter 'color:'");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body().path("detail").asString()).contains("since: takes a day");
        assertThat(range.status()).isEqualTo(400);
        assertThat(api.get(base + "/messages?query=").status()).isEqualTo(400);
    }
}
