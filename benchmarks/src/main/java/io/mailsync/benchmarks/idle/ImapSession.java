package io.mailsync.benchmarks.idle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client connection's IMAP state and the few commands a fetcher needs: CAPABILITY, LOGIN (any password),
 * SELECT/EXAMINE INBOX, FETCH / UID FETCH (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE, header sections),
 * UID SEARCH, STORE (accepted), NOOP, IDLE/DONE, LOGOUT. Anything else is answered OK so a client is never stuck.
 */
final class ImapSession {

    static final String CAPABILITIES = "IMAP4rev1 IDLE UIDPLUS LITERAL+";
    private static final Pattern HEADER_FIELDS = Pattern.compile("BODY(?:\\.PEEK)?\\[HEADER\\.FIELDS \\(([^)]*)\\)\\]");

    private final NioImapServer server;
    final Connection connection;
    Mailbox mailbox;
    String idleTag;
    long pushedAtMicros;

    ImapSession(NioImapServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
    }

    interface Connection {
        void write(String text);

        void close();
    }

    void greet() {
        connection.write("* OK [CAPABILITY " + CAPABILITIES + "] bench IMAP ready\r\n");
    }

    void line(String line) {
        if (idleTag != null) {
            if (line.trim().equalsIgnoreCase("DONE")) {
                if (pushedAtMicros != 0) {
                    server.woke(this, NioImapServer.micros() - pushedAtMicros);
                    pushedAtMicros = 0;
                }
                String tag = idleTag;
                idleTag = null;
                server.idling(-1);
                connection.write(tag + " OK IDLE terminated\r\n");
            }
            return;
        }
        if (line.trim().equalsIgnoreCase("DONE")) {
            return; // a DONE that crossed the end of an IDLE: nothing to end
        }
        int sp = line.indexOf(' ');
        if (sp < 0) {
            connection.write("* BAD no command\r\n");
            return;
        }
        String tag = line.substring(0, sp);
        String rest = line.substring(sp + 1);
        int sp2 = rest.indexOf(' ');
        String command = (sp2 < 0 ? rest : rest.substring(0, sp2)).toUpperCase(Locale.ROOT);
        String args = sp2 < 0 ? "" : rest.substring(sp2 + 1);
        boolean uid = false;
        if (command.equals("UID")) {
            uid = true;
            int sp3 = args.indexOf(' ');
            command = (sp3 < 0 ? args : args.substring(0, sp3)).toUpperCase(Locale.ROOT);
            args = sp3 < 0 ? "" : args.substring(sp3 + 1);
        }
        switch (command) {
            case "CAPABILITY" -> connection.write("* CAPABILITY " + CAPABILITIES + "\r\n" + tag + " OK done\r\n");
            case "LOGIN" -> login(tag, args);
            case "SELECT", "EXAMINE" -> select(tag, command);
            case "FETCH" -> fetch(tag, args, uid);
            case "SEARCH" -> search(tag, uid);
            case "IDLE" -> {
                idleTag = tag;
                server.idling(1);
                connection.write("+ idling\r\n");
            }
            case "LIST", "LSUB" -> connection.write("* " + command + " (\\HasNoChildren) \"/\" INBOX\r\n" + tag + " OK done\r\n");
            case "NAMESPACE" -> connection.write("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n" + tag + " OK done\r\n");
            case "STATUS" -> status(tag);
            case "LOGOUT" -> {
                connection.write("* BYE bench IMAP\r\n" + tag + " OK done\r\n");
                connection.close();
            }
            case "CLOSE", "UNSELECT" -> {
                unselect();
                connection.write(tag + " OK done\r\n");
            }
            case "AUTHENTICATE" -> connection.write(tag + " NO use LOGIN\r\n");
            default -> connection.write(tag + " OK " + command.toLowerCase(Locale.ROOT) + " done\r\n");
        }
    }

    private void login(String tag, String args) {
        String user = args.split(" ")[0].replace("\"", "");
        mailbox = server.mailbox(user);
        connection.write(tag + " OK [CAPABILITY " + CAPABILITIES + "] logged in\r\n");
    }

    private void select(String tag, String command) {
        if (mailbox == null) {
            connection.write(tag + " NO log in first\r\n");
            return;
        }
        unselect();
        mailbox.selected.add(this);
        server.selected(1);
        connection.write("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                + "* " + mailbox.count + " EXISTS\r\n* 0 RECENT\r\n"
                + "* OK [UIDVALIDITY " + Mailbox.UID_VALIDITY + "] UIDs valid\r\n"
                + "* OK [UIDNEXT " + mailbox.uidNext() + "] predicted next UID\r\n"
                + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] flags permitted\r\n"
                + tag + " OK [" + (command.equals("SELECT") ? "READ-WRITE" : "READ-ONLY") + "] " + command + " completed\r\n");
    }

    void unselect() {
        if (mailbox != null && mailbox.selected.remove(this)) {
            server.selected(-1);
        }
    }

    private void status(String tag) {
        int count = mailbox == null ? 0 : mailbox.count;
        long next = mailbox == null ? 1 : mailbox.uidNext();
        connection.write("* STATUS INBOX (MESSAGES " + count + " UIDNEXT " + next + " UIDVALIDITY "
                + Mailbox.UID_VALIDITY + " UNSEEN 0 RECENT 0)\r\n" + tag + " OK done\r\n");
    }

    private void search(String tag, boolean uid) {
        StringBuilder out = new StringBuilder("* SEARCH");
        for (int i = 1; mailbox != null && i <= mailbox.count; i++) {
            out.append(' ').append(i);
        }
        connection.write(out.append("\r\n").append(tag).append(" OK done\r\n").toString());
    }

    private void fetch(String tag, String args, boolean uid) {
        if (mailbox == null) {
            connection.write(tag + " NO select first\r\n");
            return;
        }
        int sp = args.indexOf(' ');
        String set = sp < 0 ? args : args.substring(0, sp);
        String items = (sp < 0 ? "" : args.substring(sp + 1)).toUpperCase(Locale.ROOT);
        BitSet which = SequenceSet.parse(set, mailbox.count);
        StringBuilder out = new StringBuilder();
        for (int n = which.nextSetBit(1); n >= 1; n = which.nextSetBit(n + 1)) {
            out.append("* ").append(n).append(" FETCH (");
            List<String> parts = new ArrayList<>();
            if (uid || items.contains("UID")) {
                parts.add("UID " + n);
            }
            if (items.contains("FLAGS") || items.contains("FAST") || items.contains("ALL")) {
                parts.add("FLAGS ()");
            }
            if (items.contains("INTERNALDATE") || items.contains("FAST") || items.contains("ALL")) {
                parts.add("INTERNALDATE \"26-Nov-2026 08:00:00 +0000\"");
            }
            String text = mailbox.text(n);
            if (items.contains("RFC822.SIZE") || items.contains("FAST") || items.contains("ALL")) {
                parts.add("RFC822.SIZE " + text.getBytes(StandardCharsets.US_ASCII).length);
            }
            if (items.contains("ENVELOPE") || items.contains("ALL")) {
                parts.add("ENVELOPE " + mailbox.envelope(n));
            }
            Matcher fields = HEADER_FIELDS.matcher(items);
            if (fields.find()) {
                String headers = selectHeaders(text, fields.group(1).split(" "));
                parts.add("BODY[HEADER.FIELDS (" + fields.group(1) + ")] {" + headers.length() + "}\r\n" + headers);
            } else if (items.contains("BODY.PEEK[HEADER]") || items.contains("BODY[HEADER]")) {
                String headers = text.substring(0, text.indexOf("\r\n\r\n") + 4);
                parts.add("BODY[HEADER] {" + headers.length() + "}\r\n" + headers);
            } else if (items.contains("BODY.PEEK[]") || items.contains("BODY[]") || items.contains("RFC822 ")) {
                parts.add("BODY[] {" + text.length() + "}\r\n" + text);
            }
            out.append(String.join(" ", parts)).append(")\r\n");
        }
        connection.write(out.append(tag).append(" OK FETCH completed\r\n").toString());
    }

    private static String selectHeaders(String text, String[] names) {
        StringBuilder out = new StringBuilder();
        for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
            for (String name : names) {
                if (line.regionMatches(true, 0, name.replace("\"", "") + ":", 0, name.replace("\"", "").length() + 1)) {
                    out.append(line).append("\r\n");
                }
            }
        }
        return out.append("\r\n").toString();
    }

    /** New mail in the selected mailbox: tell this client at once if it is IDLEing. */
    void exists(int count, long pushedAt) {
        if (idleTag != null) {
            pushedAtMicros = pushedAt;
            connection.write("* " + count + " EXISTS\r\n* 1 RECENT\r\n");
        }
    }
}
