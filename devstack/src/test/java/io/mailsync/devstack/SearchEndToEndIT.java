package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.mailsync.client.model.MessageView;

/**
 * Issue 20's search with the real fetcher, through the gateway: an IMAP mailbox's query runs as {@code UID SEARCH} on
 * its server (GreenMail here) and returns exactly the matching messages — by sender, subject words, arrival dates and
 * unread — as the listing's message objects.
 */
class SearchEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void anImapQueryReturnsExactlyTheMessagesTheServerFinds() throws Exception {
        MailUser user = GreenMailKit.newUser("search");
        append(user, "Ann <ann@example.test>", "Lunch plans Friday", "Tue, 10 Nov 2026 09:00:00 +0000", false);
        append(user, "Bob <bob@example.test>", "Quarterly report", "Fri, 20 Nov 2026 09:00:00 +0000", true);
        append(user, "ann@example.test", "Re: lunch plans", "Wed, 25 Nov 2026 09:00:00 +0000", true);
        append(user, "Carl <carl@example.test>", "Holiday", "Tue, 1 Dec 2026 09:00:00 +0000", false);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", GreenMailKit.imapPort(),
                user.login(), user.password());
        ApiClient api = RunningSystem.customer(customer);
        await().atMost(WITHIN).until(() -> api.messages(accountId).size() == 4);

        assertThat(search(api, accountId, "from:ann@example.test"))
                .containsExactly("Re: lunch plans", "Lunch plans Friday");
        assertThat(search(api, accountId, "subject:\"lunch plans\""))
                .containsExactlyInAnyOrder("Re: lunch plans", "Lunch plans Friday");
        assertThat(search(api, accountId, "since:2026-11-15 before:2026-11-30"))
                .containsExactlyInAnyOrder("Quarterly report", "Re: lunch plans");
        assertThat(search(api, accountId, "is:unread")).containsExactlyInAnyOrder("Lunch plans Friday", "Holiday");
    }

    private static List<String> search(ApiClient api, String accountId, String query) {
        // issue 20: search is listMessages' query; the generated client encodes it
        return api.api().call(() -> api.api().messages.listMessages(accountId, null, query, null, null, null))
                .getMessages().stream().map(MessageView::getSubject).toList();
    }

    /** Angus APPENDs the Date header as the INTERNALDATE, which SINCE and BEFORE search. */
    private static void append(MailUser user, String from, String subject, String date, boolean seen)
            throws Exception {
        String rfc822 = "From: " + from + "\r\nTo: " + user.address() + "\r\nSubject: " + subject + "\r\nDate: "
                + date + "\r\nMessage-ID: <" + UUID.randomUUID() + "@search.test>\r\n\r\nbody\r\n";
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GreenMailKit.imapPort(), user.login(), user.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)));
            m.setFlag(Flags.Flag.SEEN, seen);
            inbox.appendMessages(new Message[] {m});
            inbox.close(false);
        }
    }
}
