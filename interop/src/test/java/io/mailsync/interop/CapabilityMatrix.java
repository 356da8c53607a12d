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
        fallbacks.put("IDLE", "polling the folder (NOOP/STATUS) at the account's poll interval");
        fallbacks.put("CONDSTORE", "the full comparison: UID FETCH 1:* (FLAGS) against the stored state, "
                + "rate-limited to once per interval");
        fallbacks.put("QRESYNC", "expunges found by comparing UID SEARCH ALL with the stored UIDs "
                + "(flag changes still by CHANGEDSINCE where CONDSTORE is there)");
        fallbacks.put("QUOTA", "usage counted from message sizes against the provisioned limit");
        fallbacks.put("UIDPLUS", "not needed: mailsync writes back flags only (UID STORE); "
                + "it never APPENDs, COPYs or MOVEs");
        fallbacks.put("MOVE", "not needed, as for UIDPLUS");
        fallbacks.put("POP3 UIDL", "none: the account gets an \"unsupported\" account error, "
                + "retried slowly (fetcher Pop3Session)");
        fallbacks.put("POP3 TOP", "none: the fetcher reads headers with TOP n 0 "
                + "(GreenMail leaves TOP out of CAPA)");
        fallbacks.put("POP3 LOGIN-DELAY", "where present, the fetcher never logs in to the maildrop "
                + "more often than it allows");
        return fallbacks;
    }
}
