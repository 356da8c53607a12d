package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what an import reads newest batch first with, on a real server — the newest messages of a backlog
 * larger than a batch, and the older ones below them — with one {@code UID FETCH n:* (UID)} listing for all of it.
 */
class NewestFirstIT {

    @Test
    void theNewestOfALargeBacklogComeFirstAndTheRestBelowThemAfter() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("newest", null);
        for (int i = 1; i <= 7; i++) {
            dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "message " + i, "body " + i));
        }
        IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        ImapMailboxConnection connection = new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10));
        try {
            RemoteFolder inbox = connection.open("INBOX");

            // in the order an import asks: UIDs it starts from never go down
            assertThat(inbox.newest(1, 7)).as("a backlog that fits one batch is read in order").isEmpty();
            List<MessageSummary> newest = inbox.newest(1, 3);
            assertThat(uids(newest)).as("the newest three of seven").containsExactly(5L, 6L, 7L);
            assertThat(newest.getLast().envelope().subject()).isEqualTo("message 7");
            assertThat(uids(inbox.messagesBetween(1, 4, 3))).containsExactly(1L, 2L, 3L);
            assertThat(uids(inbox.messagesBetween(4, 4, 3))).as("up to UID 4 only").containsExactly(4L);
            assertThat(inbox.newest(6, 3)).as("two from UID 6 fit in a batch of three").isEmpty();
            assertThat(uids(inbox.messagesFrom(6, 3))).containsExactly(6L, 7L);
        } finally {
            connection.close();
        }
    }

    private static List<Long> uids(List<MessageSummary> read) {
        return read.stream().map(m -> m.uid().value()).toList();
    }
}
