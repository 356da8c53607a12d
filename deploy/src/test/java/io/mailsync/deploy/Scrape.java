package io.mailsync.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series names in a Prometheus scrape, each with the label names its series carry. */
final class Scrape {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    final Map<String, Set<String>> labelsByName = new TreeMap<>();

    void add(String exposition) {
        for (String line : exposition.split("\n")) {
            Matcher series = SERIES.matcher(line);
            if (line.startsWith("#") || !series.find()) {
                continue;
            }
            Set<String> labels = labelsByName.computeIfAbsent(series.group(1), name -> new TreeSet<>());
            if (series.group(3) != null) {
                Matcher label = LABEL.matcher(series.group(3));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
    }

    Set<String> names() {
        return labelsByName.keySet();
    }
}
