package io.mailsync.reliability;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the summary table once every scenario class has run (registered through the ServiceLoader). A scenario
 * test is named "Rn: ..." ({@code @DisplayName}); one skipped shows as disabled with its reason, one that failed
 * has its rows marked failed (or a row of its own when it failed before recording any).
 */
public class SummaryListener implements TestExecutionListener {

    private final Map<String, Integer> recordedBefore = new ConcurrentHashMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        scenario(test).ifPresent(id -> Outcomes.record(new Outcomes.Outcome(id, caseName(test), 0, 0, 0, 0, 0,
                "disabled", reason)));
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        recordedBefore.put(test.getUniqueId(), Outcomes.size());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL || !test.isTest()) {
            return;
        }
        String reason = result.getThrowable().map(t -> firstLine(String.valueOf(t.getMessage()))).orElse("");
        int before = recordedBefore.getOrDefault(test.getUniqueId(), Outcomes.size());
        if (!Outcomes.markFailedSince(before, reason)) {
            scenario(test).ifPresent(id -> Outcomes.record(new Outcomes.Outcome(id, caseName(test), 0, 0, 0, 0, 0,
                    "FAILED", reason)));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Outcomes.any()) {
            Outcomes.write();
        }
    }

    private static Optional<String> scenario(TestIdentifier test) {
        String name = test.getDisplayName();
        int colon = name.indexOf(':');
        if (colon < 2 || colon > 4) {
            return Optional.empty();
        }
        String id = name.substring(0, colon);
        return Outcomes.SCENARIOS.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    private static String caseName(TestIdentifier test) {
        return test.getDisplayName().substring(test.getDisplayName().indexOf(':') + 1).trim();
    }

    private static String firstLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
