package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, R13: a connection closed after an abort leaves no session at the server. Angus' store-level calls
 * (here a capability check, as the session's own code makes) log in a new pooled connection whenever the pool is
 * empty, also after an abort closed the store; R13 found one such connection logged in and idle for 87 s beside the
 * mailbox's new owner. Dovecot's {@code doveadm who} counts what the server holds.
 */
class ImapConnectionCloseIT {

    @Test
    void aConnectionClosedAfterAnAbortLeavesNoSessionAtTheServerEvenIfAStoreCallCameBetween() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("leak", null);
        IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        ImapMailboxConnection connection = new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions(dovecot, user) == 1);

        connection.abort();
        store.hasCapability("IDLE"); // after the abort: Angus logs in anew for it
        assertThat(sessions(dovecot, user)).as("the connection Angus opened after the abort").isEqualTo(1);
        connection.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> sessions(dovecot, user) == 0);
        assertThat(sessions(dovecot, user)).isZero();
    }

    private static long sessions(Dovecot dovecot, MailUser user) {
        return dovecot.doveadm("who", "-1").lines().filter(line -> line.startsWith(user.login() + " ")).count();
    }
}
