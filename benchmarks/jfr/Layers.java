import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU shares by layer from a JFR recording: each {@code jdk.ExecutionSample} of the threads whose name matches goes
 * to the first layer (in the order given) that one of its frames matches, walking from the innermost frame, so the
 * shares add up to 100 %. Run with the JDK's source launcher:
 * <pre>java Layers.java rec.jfr 'http-nio-auto-4|^$' 20:36:38 20:36:51 'jwt=RSASSA|JwtDecoder;mongo=com.mongodb' [exclude]</pre>
 * (times HH:mm:ss UTC or {@code -}; markers are substrings of "Class.method"; samples with a frame containing
 * {@code exclude} are skipped, e.g. the benchmark's own load generator).
 */
public class Layers {

    public static void main(String[] a) throws Exception {
        Pattern threads = Pattern.compile(a[1]);
        LocalTime from = a[2].equals("-") ? null : LocalTime.parse(a[2]);
        LocalTime to = a[3].equals("-") ? null : LocalTime.parse(a[3]);
        Map<String, String[]> layers = new LinkedHashMap<>();
        for (String layer : a[4].split(";")) {
            String[] kv = layer.split("=", 2);
            layers.put(kv[0], kv[1].split("\\|"));
        }
        String exclude = a.length > 5 ? a[5] : null;
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> where = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(Path.of(a[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                LocalTime at = LocalTime.ofInstant(e.getStartTime(), ZoneOffset.UTC);
                RecordedThread t = e.getThread("sampledThread");
                String name = t == null || t.getJavaName() == null ? "" : t.getJavaName();
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))
                        || !threads.matcher(name).find()
                        || (exclude != null && frames.stream().anyMatch(f -> method(f).contains(exclude)))) {
                    continue;
                }
                total++;
                String layer = "(other)";
                String frame = frames.isEmpty() ? "" : method(frames.getFirst());
                search:
                for (RecordedFrame f : frames) {
                    for (Map.Entry<String, String[]> l : layers.entrySet()) {
                        for (String marker : l.getValue()) {
                            if (method(f).contains(marker)) {
                                layer = l.getKey();
                                frame = method(f);
                                break search;
                            }
                        }
                    }
                }
                counts.merge(layer, 1, Integer::sum);
                where.computeIfAbsent(layer, k -> new HashMap<>()).merge(frame, 1, Integer::sum);
            }
        }
        System.out.printf("%d samples%n", total);
        int all = Math.max(1, total);
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(c -> {
            System.out.printf("%6d %5.1f%%  %s%n", c.getValue(), 100.0 * c.getValue() / all, c.getKey());
            where.get(c.getKey()).entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(3)
                    .forEach(f -> System.out.printf("              %5d  %s%n", f.getValue(), f.getKey()));
        });
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
