package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table printed at the end and the JSON/Markdown written beside it. */
final class Report {

    private Report() {
    }

    static String table(List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append("| figure | mailsync | baseline (same run) | ratio | target | met? |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.id()).append(' ').append(f.name())
                    .append(" | ").append(num(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(Double.isNaN(f.baseline()) ? "—" : num(f.baseline()) + " " + f.unit())
                    .append(f.baselineWhat().isEmpty() ? "" : " (" + f.baselineWhat() + ")")
                    .append(" | ").append(Double.isNaN(f.ratio()) ? "—" : String.format("%.2f", f.ratio()))
                    .append(" | ").append(f.target())
                    .append(" | ").append(f.met() == null ? "—" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append('\n');
        for (Figure f : figures) {
            if (!f.note().isEmpty()) {
                md.append("- ").append(f.id()).append(": ").append(f.note()).append('\n');
            }
        }
        return md.toString();
    }

    static void write(Path dir, List<Figure> figures, boolean quick, Duration took, String machineAtStart)
            throws IOException {
        String header = "# mailsync benchmark results\n\n" + Instant.now() + " — " + (quick ? "quick" : "full")
                + " run, " + took.toSeconds() + " s — at start: " + machineAtStart + "; load average at the end "
                + String.format("%.1f", Machine.load()) + "\n\n";
        Files.writeString(dir.resolve("benchmark-results.md"), header + table(figures));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("run", quick ? "quick" : "full");
        json.put("seconds", took.toSeconds());
        json.put("machine", machineAtStart);
        json.put("loadAverageAtEnd", Machine.load());
        json.put("figures", figures.stream().map(Report::asMap).toList());
        Files.writeString(dir.resolve("benchmark-results.json"),
                ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static Map<String, Object> asMap(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("unit", f.unit());
        m.put("value", finite(f.value()));
        m.put("baseline", finite(f.baseline()));
        m.put("baselineWhat", f.baselineWhat());
        m.put("ratio", finite(f.ratio()));
        m.put("target", f.target());
        m.put("met", f.met());
        m.put("note", f.note());
        m.put("details", f.details());
        return m;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "—";
        }
        return Math.abs(d) >= 100 ? String.format("%,.0f", d) : String.format("%.1f", d);
    }
}
