package io.mailsync.fetcher.adapter.out.imap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.support.ToggleProxy;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a server gone silent in the middle of an IDLE (a black hole: the connection open, nothing coming back).
 * The session ends the IDLE at its renewal and cuts the connection when the DONE goes unanswered for the answer
 * timeout; an abort cuts it at once. Angus' own close sends DONE and waits for the answer, behind the wake-up that
 * sent the first one: both waited for the IDLE's read timeout, here 30 s.
 */
class SilentServerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private final Dovecot dovecot = Dovecot.shared();

    @Test
    void aServerSilentMidIdleIsCutAtTheRenewalPlusTheAnswerTimeout() throws Exception {
        long started = System.nanoTime();
        try (Silent s = idleThenSilence("silent", Duration.ofSeconds(3), connection -> { })) {
            Throwable failure = failureOf(s.idle(), READ_TIMEOUT.plusSeconds(10));
            Duration taken = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure).as("the IDLE's end").isInstanceOf(MailServerException.Unreachable.class);
            assertThat(taken).as("renewal (3 s) + answer timeout (2 s), against the read timeout (30 s)")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(s.connected().trace()).as("the renewal's DONE was sent into the silence").contains("DONE");
        }
    }

    /**
     * A session that looked up a folder while INBOX held its connection has a second one in Angus' pool, logged in;
     * closing the store logs it out, and over a silent server that LOGOUT waited for the read timeout — the session
     * reported the server unreachable only after it.
     */
    @Test
    void aConnectionCutForSilenceClosesWithoutWaitingForTheServer() throws Exception {
        try (Silent s = idleThenSilence("silent-pool", Duration.ofSeconds(1), connection ->
                assertThat(connection.resolveFolder("Trash", "\\Trash")).as("a LIST on a second connection")
                        .isNotBlank())) {
            assertThat(failureOf(s.idle(), READ_TIMEOUT.plusSeconds(10))).isInstanceOf(MailServerException.class);

            long started = System.nanoTime();
            s.connected().connection().close();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("closing what the cut left, against the read timeout (30 s)")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anAbortMidIdleOnASilentServerCutsTheConnectionAtOnce() throws Exception {
        try (Silent s = idleThenSilence("aborted", Duration.ofSeconds(60), connection -> { })) {
            // a write-back for the session: its DONE goes unanswered, and it holds the folder's lock meanwhile
            CompletableFuture<Void> wakeUp = CompletableFuture.runAsync(s.inbox()::wakeUp, s.session());
            await().atMost(Duration.ofSeconds(10)).until(() -> s.connected().trace().contains("DONE"));

            long started = System.nanoTime();
            s.connected().connection().abort();
            Throwable failure = failureOf(s.idle(), READ_TIMEOUT.plusSeconds(10));
            assertThat(failure).as("the IDLE's end").isInstanceOf(MailServerException.class);
            wakeUp.get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Duration taken = Duration.ofNanos(System.nanoTime() - started);
            assertThat(taken).as("the abort, the IDLE's end and the wake-up's, against the read timeout (30 s)")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    /**
     * Dovecot behind a proxy, as the session logs in; {@code before} runs on the connection, then INBOX waits (an IDLE
     * renewed after {@code renewal}) and, once the server has confirmed the IDLE, the proxy goes silent.
     */
    private Silent idleThenSilence(String user, Duration renewal, Consumer<ImapMailboxConnection> before)
            throws Exception {
        ToggleProxy server = new ToggleProxy(dovecot.imapPort());
        Connected connected = connect(server, dovecot.newUser(user, null));
        ExecutorService session = Executors.newVirtualThreadPerTaskExecutor();
        RemoteFolder inbox = connected.connection().open("INBOX");
        before.accept(connected.connection());
        CompletableFuture<Boolean> wait = CompletableFuture.supplyAsync(() -> inbox.awaitChange(renewal), session);
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.trace().contains("+ idling"));
        server.silence();
        return new Silent(server, connected, session, inbox, wait);
    }

    private record Silent(ToggleProxy server, Connected connected, ExecutorService session, RemoteFolder inbox,
                          CompletableFuture<Boolean> idle) implements AutoCloseable {

        @Override
        public void close() {
            session.close();
            connected.close();
            server.close();
        }
    }

    private static Throwable failureOf(CompletableFuture<Boolean> wait, Duration atMost) throws Exception {
        try {
            return new AssertionError("the wait ended normally: ran out = " + wait.get(atMost.toSeconds(),
                    TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Logged in as the session logs in: through the kept sockets, with Angus' protocol trace. */
    private static Connected connect(ToggleProxy server, MailUser user) throws Exception {
        ImapSockets sockets = new ImapSockets(SocketFactory.getDefault());
        Properties props = new Properties();
        props.put("mail.imap.socketFactory", sockets);
        props.put("mail.imap.timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Session session = Session.getInstance(props);
        session.setDebug(true);
        session.setDebugOut(new PrintStream(trace, true, US_ASCII));
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect("127.0.0.1", server.port(), user.login(), user.password());
        return new Connected(new ImapMailboxConnection(store, () -> { }, ANSWER_TIMEOUT, false, sockets), trace);
    }

    private record Connected(ImapMailboxConnection connection, ByteArrayOutputStream log) implements AutoCloseable {

        String trace() {
            return log.toString(US_ASCII);
        }

        /** Not waited for: over a silent server it ends when the proxy, closed next, cuts what is left. */
        @Override
        public void close() {
            Thread.ofVirtual().start(() -> {
                connection.abort();
                connection.close();
            });
        }
    }
}
