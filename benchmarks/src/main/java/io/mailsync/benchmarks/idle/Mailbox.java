package io.mailsync.benchmarks.idle;

import java.util.ArrayList;
import java.util.List;

/** One user's INBOX: messages are numbered 1..count with UID = sequence number (nothing is ever expunged). */
final class Mailbox {

    static final long UID_VALIDITY = 1_700_000_000L;
    final String user;
    int count;
    final List<ImapSession> selected = new ArrayList<>(1);

    Mailbox(String user) {
        this.user = user;
        // one message from the start: a mailbox with mail, as real ones are (and see IdleCapacity on empty ones)
        this.count = 1;
    }

    long uidNext() {
        return count + 1L;
    }

    /** RFC 822 text of message {@code n}; small and fixed so FETCH answers are cheap. */
    String text(int n) {
        return "Message-ID: <p3-" + user + "-" + n + "@bench.test>\r\n"
                + "From: Ann Sender <ann@sender.test>\r\n"
                + "To: " + user + "@example.test\r\n"
                + "Subject: P3 wake-up " + n + "\r\n"
                + "Date: Thu, 26 Nov 2026 08:00:00 +0000\r\n"
                + "\r\n"
                + "wake up\r\n";
    }

    String envelope(int n) {
        return "(\"Thu, 26 Nov 2026 08:00:00 +0000\" \"P3 wake-up " + n + "\" ((\"Ann Sender\" NIL \"ann\" \"sender.test\"))"
                + " ((\"Ann Sender\" NIL \"ann\" \"sender.test\")) ((\"Ann Sender\" NIL \"ann\" \"sender.test\"))"
                + " ((NIL NIL \"" + user + "\" \"example.test\")) NIL NIL NIL \"<p3-" + user + "-" + n + "@bench.test>\")";
    }
}
