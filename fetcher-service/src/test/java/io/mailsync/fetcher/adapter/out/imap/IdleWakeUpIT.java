package io.mailsync.fetcher.adapter.out.imap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a session woken out of its IDLE — a device's write-back, a body to fetch — ends it with DONE and goes on
 * to the work. Asking Angus whether the folder was still open sent a NOOP first (its connection's last command was
 * over a second old, as after every IDLE): one more round trip to the mail server before each command, which on an
 * ISP's network is milliseconds, not the loopback's fraction of one. Read in Angus' protocol trace.
 */
class IdleWakeUpIT {

    @Test
    void aWakeUpEndsTheIdleWithDoneAloneAndTheWaitSaysItWasWoken() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("woken", null);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Session session = Session.getInstance(new Properties());
        session.setDebug(true);
        session.setDebugOut(new PrintStream(trace, true, US_ASCII));
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        ImapMailboxConnection connection = new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10));
        try (ExecutorService waiter = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteFolder inbox = connection.open("INBOX");
            CompletableFuture<Boolean> ranOut = CompletableFuture.supplyAsync(
                    () -> inbox.awaitChange(Duration.ofSeconds(30)), waiter);
            await().atMost(Duration.ofSeconds(10)).until(() -> text(trace).contains("+ idling"));
            Thread.sleep(1_100); // the connection's last command over a second old, as after any IDLE

            int before = trace.size();
            inbox.wakeUp();
            assertThat(ranOut.get(5, TimeUnit.SECONDS)).as("the wait ended by the wake-up, not run out").isFalse();
            String sent = text(trace).substring(before);
            assertThat(sent).as("what the wake-up sent").contains("DONE").doesNotContain("NOOP");
        } finally {
            connection.close();
        }
    }

    private static String text(ByteArrayOutputStream trace) {
        return trace.toString(US_ASCII);
    }
}
