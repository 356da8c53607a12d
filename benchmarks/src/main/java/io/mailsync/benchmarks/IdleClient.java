package io.mailsync.benchmarks;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MessageChangedEvent;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * P1's and P6's baseline: a bare Angus Mail client IDLEing on INBOX, noting when each message number's {@code EXISTS}
 * arrived and when a message's {@code FETCH (FLAGS (\Flagged ...))} did — the earliest any IMAP client can know of
 * new mail or of another client's flag (the physical limit).
 */
final class IdleClient implements AutoCloseable {

    private static final ExecutorService EVENTS = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> flaggedAt = new ConcurrentHashMap<>();
    private final IMAPStore store;
    private final IMAPFolder inbox;
    private final Thread idler;
    private volatile boolean running = true;

    IdleClient(String host, int port, String user, String password) throws MessagingException {
        store = (IMAPStore) Session.getInstance(properties(host, port)).getStore("imap");
        store.connect(user, password);
        inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        inbox.addMessageChangedListener(e -> {
            long now = System.nanoTime();
            if (e.getMessageChangeType() == MessageChangedEvent.FLAGS_CHANGED) {
                try {
                    if (e.getMessage().isSet(Flags.Flag.FLAGGED)) {
                        flaggedAt.putIfAbsent(e.getMessage().getMessageNumber(), now);
                    }
                } catch (MessagingException ignored) {
                    // expunged meanwhile: not a figure's message
                }
            }
        });
        idler = Thread.ofPlatform().daemon().name("p1-baseline-idle").start(this::idle);
    }

    static Properties properties(String host, int port) {
        Properties p = new Properties();
        p.put("mail.store.protocol", "imap");
        p.put("mail.imap.host", host);
        p.put("mail.imap.port", String.valueOf(port));
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.event.executor", EVENTS);
        return p;
    }

    private void idle() {
        while (running) {
            try {
                int before = inbox.getMessageCount();
                inbox.idle(true); // returns on the first untagged response, e.g. "* n EXISTS"
                long now = System.nanoTime();
                int after = inbox.getMessageCount();
                for (int n = before + 1; n <= after; n++) {
                    seenAt.putIfAbsent(n, now);
                }
            } catch (MessagingException | IllegalStateException e) {
                if (running) {
                    Benchmarks.say("P1 baseline client: " + e.getMessage());
                }
                return;
            }
        }
    }

    int messageCount() throws MessagingException {
        return inbox.getMessageCount();
    }

    /** When message number {@code n}'s EXISTS arrived (System.nanoTime), waiting up to 10 s; null if it did not. */
    Long awaitExists(int n) throws InterruptedException {
        return await(seenAt, n);
    }

    /** When message number {@code n} was first seen \Flagged (System.nanoTime), waiting up to 10 s; else null. */
    Long awaitFlagged(int n) throws InterruptedException {
        return await(flaggedAt, n);
    }

    private static Long await(Map<Integer, Long> times, int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long at = times.get(n);
            if (at != null) {
                return at;
            }
            Thread.sleep(2);
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        BareImap.close(inbox, store);
        idler.interrupt();
    }
}
