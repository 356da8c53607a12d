package io.mailsync.fetcher.adapter.out.imap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.MessageLocator;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a session's command to the mail server costs its own round trip and no other. Angus' {@code isOpen()}
 * and {@code getMode()} send a NOOP whenever the connection's last command is over a second old — after an IDLE it
 * always is — and asking them first put one more round trip before a write-back, a body fetch or a move: on loopback
 * a fraction of a millisecond, to an ISP's IMAP server across a network a whole round trip. Read in Angus' protocol
 * trace, after a second's silence.
 */
class RoundTripsIT {

    private final Dovecot dovecot = Dovecot.shared();

    /**
     * The wake-up must find the IDLE still running: once in a clean-clone CI run (a loaded machine) the trace after
     * the wake-up was empty while the wait had ended, not run out: by all appearances something the server sent
     * ended that IDLE within the second (the trace was not kept to say what), Angus sent its DONE then, and the
     * wake-up found no IDLE to end. Such an IDLE is waited out and another started; a failure now prints the trace.
     */
    @Test
    void aWakeUpEndsTheIdleWithDoneAloneAndTheWaitSaysItWasWoken() throws Exception {
        try (Traced traced = connect(dovecot.newUser("woken", null));
             ExecutorService waiter = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteFolder inbox = traced.connection().open("INBOX");
            CompletableFuture<Boolean> ranOut;
            int before;
            for (int attempt = 1; ; attempt++) {
                int from = traced.size();
                ranOut = CompletableFuture.supplyAsync(() -> inbox.awaitChange(Duration.ofSeconds(30)), waiter);
                await().atMost(Duration.ofSeconds(10)).until(() -> traced.text().substring(from).contains("+ idling"));
                Thread.sleep(1_100); // the connection's last command over a second old, as after any IDLE
                before = traced.size();
                if (!ranOut.isDone() && !traced.text().substring(from).contains("DONE")) {
                    break;
                }
                ranOut.get(5, TimeUnit.SECONDS); // ended by the server on its own: wait that one out, IDLE again
                assertThat(attempt).as("IDLEs the server ended on its own:%n%s", traced.text()).isLessThan(3);
            }

            inbox.wakeUp();
            assertThat(ranOut.get(5, TimeUnit.SECONDS)).as("the wait ended by the wake-up, not run out").isFalse();
            assertThat(traced.text().substring(before)).as("what the wake-up sent, in:%n%s", traced.text())
                    .contains("DONE").doesNotContain("NOOP");
        }
    }

    @Test
    void aMoveOutOfTheSessionsFolderSendsTheMoveAlone() throws Exception {
        MailUser user = dovecot.newUser("moved", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "to be trashed", "1"));
        try (Traced traced = connect(user)) {
            traced.connection().open("INBOX");
            long uidValidity = ((IMAPFolder) traced.store().getFolder("INBOX")).getUIDValidity();
            Thread.sleep(1_100);

            int before = traced.size();
            assertThat(traced.connection().move(MessageLocator.imap("INBOX", uidValidity, 1), Dovecot.TRASH))
                    .as("moved").isTrue();
            assertThat(traced.text().substring(before)).as("what the move sent").contains("MOVE")
                    .doesNotContain("NOOP");
        }
    }

    /**
     * Issue 18: asking for the newest of a backlog first (a large one is imported newest first) costs a new mail
     * nothing: its sync lists the folder's new UIDs once, reads the message, and lists once more to find the end —
     * as before the question was asked.
     */
    @Test
    void aNewMessagesSyncListsTheNewUidsOnceBeforeReadingIt() throws Exception {
        MailUser user = dovecot.newUser("one-new", null);
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "first", "1"));
        try (Traced traced = connect(user)) {
            RemoteFolder inbox = traced.connection().open("INBOX");
            assertThat(inbox.messagesFrom(1, 500)).hasSize(1);
            dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "second", "2"));
            assertThat(inbox.awaitChange(Duration.ofSeconds(10))).as("IDLE ended by the server's EXISTS").isFalse();

            int before = traced.size();
            assertThat(inbox.newest(2, 500)).as("one new message fits a batch").isEmpty();
            assertThat(inbox.messagesFrom(2, 500)).hasSize(1);
            String sent = traced.text().substring(before);
            assertThat(sent.lines().filter(line -> line.endsWith(" (UID)"))).as("listings of new UIDs in:\n" + sent)
                    .hasSize(2);
        }
    }

    /** A connection as the session makes one, with Angus' protocol trace kept. */
    private Traced connect(MailUser user) throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Session session = Session.getInstance(new Properties());
        session.setDebug(true);
        session.setDebugOut(new PrintStream(trace, true, US_ASCII));
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        return new Traced(store, new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10)), trace);
    }

    private record Traced(IMAPStore store, ImapMailboxConnection connection, ByteArrayOutputStream trace)
            implements AutoCloseable {

        String text() {
            return trace.toString(US_ASCII);
        }

        int size() {
            return trace.size();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
