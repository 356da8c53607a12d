package io.mailsync.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server × capability table the interop suite prints and the README keeps, with what mailsync does where a
 * capability is missing.
 */
public final class CapabilityMatrix {

    /** What mailsync falls back to where a server lacks a capability. */
    public static final Map<String, String> FALLBACKS = fallbacks();

    private CapabilityMatrix() {
    }

    public static String markdown(List<ServerCapabilities> servers) {
        List<String> columns = new ArrayList<>(CapabilityProbe.IMAP);
        CapabilityProbe.POP3.forEach(tag -> columns.add("POP3 " + tag));
        StringBuilder table = new StringBuilder();
        table.append("| server | ").append(String.join(" | ", columns)).append(" |\n");
        table.append("|---|").append("---|".repeat(columns.size())).append('\n');
        for (ServerCapabilities server : servers) {
            table.append(row(server)).append('\n');
        }
        table.append("\nWhere a capability is missing, mailsync falls back to:\n\n");
        FALLBACKS.forEach((capability, fallback) ->
                table.append("- **").append(capability).append("**: ").append(fallback).append('\n'));
        return table.toString();
    }

    /** One server's line of the table: {@code | courier | yes | — | ... | 10 s |}. */
    public static String row(ServerCapabilities server) {
        StringBuilder row = new StringBuilder("| ").append(server.server()).append(" |");
        for (String capability : CapabilityProbe.IMAP) {
            row.append(' ').append(mark(server.imap(capability))).append(" |");
        }
        for (String tag : CapabilityProbe.POP3) {
            String cell = mark(server.pop3(tag));
            if (tag.equals("LOGIN-DELAY") && server.loginDelaySeconds().isPresent()) {
                cell = server.loginDelaySeconds().get() + " s";
            }
            row.append(' ').append(cell).append(" |");
        }
        return row.toString();
    }

    private static String mark(boolean present) {
        return present ? "yes" : "—";
    }

    private static Map<String, String> fallbacks() {
        Map<String, String> fallbacks = new LinkedHashMap<>();
        fallbacks.put("IDLE", "a plain wait and a NOOP on the folder, at the account's poll interval "
                + "(fetcher ImapWaiter)");
        fallbacks.put("CONDSTORE", "the full comparison: UID FETCH 1:* (FLAGS) against the stored flags, "
                + "at most once per full-compare-every (60 s by default; Courier's scenarios run it every 3 s)");
        fallbacks.put("QRESYNC", "expunges found by that full comparison (UIDs it no longer returns), "
                + "flag changes still by CHANGEDSINCE where CONDSTORE is there");
        fallbacks.put("QUOTA", "usage counted from the INBOX (the sum of RFC822.SIZE; POP3: STAT) and held by "
                + "quota-service against the account's provisioned quotaLimitBytes");
        fallbacks.put("UIDPLUS", "not used: for POST /sent (and a restored message) the fetcher APPENDs to the "
                + "\\Sent folder (SPECIAL-USE, else the configured name, created if missing) without reading "
                + "APPENDUID; the copy is recognised when the fetcher next sees it as new mail in a watched folder, "
                + "and the sync service adopts it by Message-ID (preferring the same size). Flags go back by "
                + "UID STORE; mailsync never COPYs or MOVEs");
        fallbacks.put("MOVE", "not used: mailsync never moves a message");
        fallbacks.put("POP3 UIDL", "none: the account gets an \"unsupported\" account error, "
                + "retried slowly (fetcher AngusPop3Drop)");
        fallbacks.put("POP3 TOP", "not needed by default: POP3 bodies are kept, so the fetcher RETRs; with "
                + "fetcher pop3.store-bodies off it reads headers with TOP n 0 whether CAPA lists TOP or not "
                + "(GreenMail leaves TOP out of CAPA)");
        fallbacks.put("POP3 LOGIN-DELAY", "where present, the fetcher never logs in to the maildrop "
                + "more often than it allows");
        return fallbacks;
    }
}
