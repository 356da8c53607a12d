package io.mailsync.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each scenario tried and what held, collected across the suite's test classes and printed as one table at the
 * end ({@link SummaryListener}), also written to {@code target/reliability-summary.md}.
 */
final class Outcomes {

    /** Every scenario of issues 8 and 15, in the order the table lists them; one not run shows as such. */
    static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("R1", "crash consistency (fetcher / sync-service killed mid-import)");
        SCENARIOS.put("R2", "Kafka broker stopped and restarted mid-import");
        SCENARIOS.put("R3", "UIDVALIDITY reset on the server");
        SCENARIOS.put("R4", "wrong password; server gone and back");
        SCENARIOS.put("R5", "poison records on every consumed topic");
        SCENARIOS.put("R6", "malformed message corpus");
        SCENARIOS.put("R7", "property-based fuzz of the public API");
        SCENARIOS.put("R8", "every route with another customer's token");
        SCENARIOS.put("R8b", "a shared mailbox: what a grant allows, and a revoked grant (issue 23)");
        SCENARIOS.put("R9", "passwords in logs, topics, databases");
        SCENARIOS.put("R10", "TLS: untrusted certificate, STARTTLS stripping");
        SCENARIOS.put("R11", "concurrent flags: a device's write-back and another IMAP client");
        SCENARIOS.put("R12", "command crash: fetcher killed between consuming and applying a command");
        SCENARIOS.put("R13", "fencing: one fetcher killed, one paused and resumed");
        SCENARIOS.put("R14", "failover time of a killed fetcher's mailboxes");
        SCENARIOS.put("R15", "defence in depth: direct calls to the services (scope 403, audience/exp/sub 401)");
        SCENARIOS.put("R16", "SSRF: internal addresses at registration and, after DNS, at connect");
        SCENARIOS.put("R17", "noisy neighbour: 500 hostile requests beside a quiet customer");
        SCENARIOS.put("R18", "credential key rotation: A to B, A removed, every mailbox still logs in");
        SCENARIOS.put("R19", "log in as the ISP: a mailbox with no password on a master host syncs, writes back, quota");
        SCENARIOS.put("NET", "network faults fetcher<->server (stall, cut mid-IDLE / mid-FETCH)");
    }

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    private Outcomes() {
    }

    /** One case of a scenario: what was injected and checked, what was lost, duplicated or leaked. */
    record Outcome(String scenario, String caseName, int faults, int checked, int lost, int duplicated, int leaks,
                   String held, String note) {
    }

    static synchronized void record(Outcome outcome) {
        OUTCOMES.add(outcome);
    }

    static void held(String scenario, String caseName, int faults, int checked, int lost, int duplicated, int leaks,
                     String note) {
        boolean ok = lost == 0 && duplicated == 0 && leaks == 0;
        record(new Outcome(scenario, caseName, faults, checked, lost, duplicated, leaks, ok ? "yes" : "NO", note));
    }

    static void failed(String scenario, String caseName, int faults, int checked, int lost, int duplicated, int leaks,
                       String note) {
        record(new Outcome(scenario, caseName, faults, checked, lost, duplicated, leaks, "NO", note));
    }

    static synchronized int size() {
        return OUTCOMES.size();
    }

    /** Marks the rows recorded since {@code index} as failed; answers whether there were any. */
    static synchronized boolean markFailedSince(int index, String reason) {
        for (int i = index; i < OUTCOMES.size(); i++) {
            Outcome o = OUTCOMES.get(i);
            OUTCOMES.set(i, new Outcome(o.scenario(), o.caseName(), o.faults(), o.checked(), o.lost(), o.duplicated(),
                    o.leaks(), "FAILED", (o.note() == null ? "" : o.note() + "; ") + "failed: " + reason));
        }
        return index < OUTCOMES.size();
    }

    static synchronized String table() {
        StringBuilder t = new StringBuilder();
        t.append("| id | scenario | case | faults | checked | lost | dup | leaks | held | note |\n");
        t.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Map.Entry<String, String> s : SCENARIOS.entrySet()) {
            List<Outcome> rows = OUTCOMES.stream().filter(o -> o.scenario().equals(s.getKey())).toList();
            if (rows.isEmpty()) {
                t.append("| ").append(s.getKey()).append(" | ").append(s.getValue())
                        .append(" | — | | | | | | not run | |\n");
            }
            for (Outcome o : rows) {
                t.append("| ").append(o.scenario()).append(" | ").append(s.getValue()).append(" | ")
                        .append(o.caseName()).append(" | ").append(o.faults()).append(" | ").append(o.checked())
                        .append(" | ").append(o.lost()).append(" | ").append(o.duplicated()).append(" | ")
                        .append(o.leaks()).append(" | ").append(o.held()).append(" | ")
                        .append(o.note() == null ? "" : o.note().replace('|', '/').replace('\n', ' ')).append(" |\n");
            }
        }
        return t.toString();
    }

    static synchronized boolean any() {
        return !OUTCOMES.isEmpty();
    }

    static void write() {
        String mode = Sizes.FULL ? "full sizes (-Dreliability.full=true)"
                : "CI sizes; full sizes with -Dreliability.full=true";
        String text = "# mailsync reliability summary\n\n" + "Mode: " + mode + " — R1: " + Sizes.r1Messages()
                + " messages x " + Sizes.r1Seeds() + " seeds per crashed service.\n\n" + table();
        System.out.println("\n" + text);
        try {
            Path target = Path.of(System.getProperty("reliability.summary", "target/reliability-summary.md"));
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, text);
        } catch (IOException e) {
            System.err.println("could not write the reliability summary: " + e);
        }
    }
}
