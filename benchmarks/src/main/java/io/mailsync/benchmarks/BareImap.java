package io.mailsync.benchmarks;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * A bare IMAP client on INBOX (Angus Mail, raw commands where a figure times one): the baselines of P6-P8 and the
 * second session that looks at the server's own state. Not thread-safe: one thread per instance.
 */
final class BareImap implements AutoCloseable {

    private final IMAPStore store;
    private final IMAPFolder inbox;

    BareImap(int port, MailUser user) throws MessagingException {
        store = (IMAPStore) Session.getInstance(IdleClient.properties("127.0.0.1", port)).getStore("imap");
        store.connect(user.login(), user.password());
        inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
    }

    /** A message as the server numbers it. */
    record Entry(int number, long uid, String messageId) {
    }

    /** Every INBOX message by {@link Listing#key} of its Message-ID: its sequence number and UID. */
    Map<String, Entry> index() throws MessagingException {
        Message[] all = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("Message-ID");
        inbox.fetch(all, profile);
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Message m : all) {
            String[] id = m.getHeader("Message-ID");
            if (id != null && id.length > 0) {
                byId.put(Listing.key(id[0]), new Entry(m.getMessageNumber(), inbox.getUID(m), id[0].trim()));
            }
        }
        return byId;
    }

    /** {@code UID STORE uid +FLAGS.SILENT (flag)} (or {@code -FLAGS}), as any other IMAP client would send it. */
    void store(long uid, String flag, boolean add) throws MessagingException {
        inbox.doCommand(p -> {
            raw(p, "UID STORE " + uid + " " + (add ? "+" : "-") + "FLAGS.SILENT (" + flag + ")");
            return null;
        });
    }

    /**
     * Whether the server has {@code flag} on {@code uid} now: a NOOP first (Dovecot brings a session's view up to
     * date with other sessions' changes at a command's end), then {@code UID FETCH uid (FLAGS)}. Not IDLE: Dovecot
     * tells an idling session about another session's change only ~0.5 s later (its notify delay), far coarser than
     * the 40 ms P7 asks for.
     */
    boolean hasFlag(long uid, String flag) throws MessagingException {
        return (Boolean) inbox.doCommand(p -> {
            raw(p, "NOOP");
            for (Response r : raw(p, "UID FETCH " + uid + " (FLAGS)")) {
                if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(UID.class).uid == uid) {
                    FLAGS flags = f.getItem(FLAGS.class);
                    return flags != null && Arrays.stream(flags.getSystemFlags()).anyMatch(s -> matches(s, flag));
                }
            }
            return false;
        });
    }

    private static boolean matches(jakarta.mail.Flags.Flag f, String flag) {
        return switch (flag) {
            case "\\Seen" -> f == jakarta.mail.Flags.Flag.SEEN;
            case "\\Flagged" -> f == jakarta.mail.Flags.Flag.FLAGGED;
            default -> false;
        };
    }

    /**
     * Milliseconds for what a client needs to show a mailbox: login, SELECT INBOX and {@code UID FETCH 1:* (UID FLAGS
     * RFC822.SIZE ENVELOPE)} — P8's baseline. Answers {@code -1} when the fetch saw fewer than {@code expected}.
     */
    static double timedFirstLook(int port, MailUser user, int expected) throws MessagingException {
        long started = System.nanoTime();
        try (BareImap bare = new BareImap(port, user)) {
            int fetched = (Integer) bare.inbox.doCommand(p -> (int) Arrays.stream(
                    raw(p, "UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)")).filter(r -> r instanceof FetchResponse)
                    .count());
            double took = Stats.ms(System.nanoTime() - started);
            return fetched >= expected ? took : -1;
        }
    }

    /** Runs a command, hands its untagged answers to Angus (its view stays right) and fails on NO/BAD. */
    private static Response[] raw(IMAPProtocol p, String command) throws ProtocolException {
        Response[] responses = p.command(command, null);
        List<Response> untagged = new ArrayList<>(Arrays.asList(responses).subList(0, responses.length - 1));
        p.notifyResponseHandlers(untagged.toArray(Response[]::new));
        p.handleResult(responses[responses.length - 1]);
        return responses;
    }

    @Override
    public void close() {
        close(inbox, store);
    }

    /** Closes a folder and its store, whatever state the connection is in (a benchmark's client going away). */
    static void close(IMAPFolder folder, IMAPStore store) {
        try {
            folder.close(false);
        } catch (MessagingException | IllegalStateException ignored) {
            // going away
        }
        try {
            store.close();
        } catch (MessagingException ignored) {
            // going away
        }
    }
}
