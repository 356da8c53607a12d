import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where threads wait or run, by call site, from a JFR recording: socket reads and writes, parks, sleeps, monitors and
 * CPU samples of the threads whose name matches (and whose stack contains {@code marker}, unless {@code -}), summed by
 * (event, first library frame, first frame of {@code app}), in total and per thread. Run with the source launcher:
 * <pre>java Waits.java rec.jfr '^session-a-' - [io.mailsync] [40]</pre>
 * Record socket events with a 0 ms threshold for this ({@code jfr configure --input profile
 * jdk.SocketRead#threshold=0ms jdk.SocketWrite#threshold=0ms jdk.ThreadPark#threshold=1ms}); JFR does not record a
 * virtual thread's parks, so a virtual thread's waits for a lock or a future are missing.
 */
public class Waits {

    private static final Set<String> TYPES = Set.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.ThreadPark",
            "jdk.ThreadSleep", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ExecutionSample");

    public static void main(String[] a) throws Exception {
        Pattern threads = Pattern.compile(a[1]);
        String marker = a[2].equals("-") ? null : a[2];
        String app = a.length > 3 ? a[3] : "io.mailsync";
        int top = a.length > 4 ? Integer.parseInt(a[4]) : 40;
        Map<String, double[]> sums = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        try (RecordingFile file = new RecordingFile(Path.of(a[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                if (!TYPES.contains(type) || e.getStackTrace() == null) {
                    continue;
                }
                boolean sample = type.equals("jdk.ExecutionSample");
                RecordedThread t = sample ? e.getThread("sampledThread") : e.getThread();
                String name = t == null || t.getJavaName() == null ? "" : t.getJavaName();
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (t == null || !threads.matcher(name).find()
                        || (marker != null && frames.stream().noneMatch(f -> method(f).contains(marker)))) {
                    continue;
                }
                seen.add(t.getJavaThreadId());
                String library = "?";
                String own = "?";
                for (RecordedFrame f : frames) {
                    String type0 = f.getMethod().getType().getName();
                    if (library.equals("?") && !type0.startsWith("java.") && !type0.startsWith("jdk.")
                            && !type0.startsWith("sun.")) {
                        library = simple(type0) + "." + f.getMethod().getName();
                    }
                    if (type0.startsWith(app)) {
                        own = simple(type0) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
                        break;
                    }
                }
                double[] sum = sums.computeIfAbsent(type.substring(4) + " | " + library + " | " + own,
                        k -> new double[2]);
                sum[0]++;
                // a CPU sample stands for the sampling period (10 ms in the profile settings)
                sum[1] += sample ? 10 : e.getDuration().toNanos() / 1e6;
            }
        }
        int n = Math.max(1, seen.size());
        System.out.printf("%d threads; total ms, events, ms per thread (a CPU sample counts 10 ms)%n", seen.size());
        sums.entrySet().stream()
                .sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1]))
                .limit(top)
                .forEach(s -> System.out.printf("%9.0f ms %7.0f n %9.1f ms/thread  %s%n", s.getValue()[1],
                        s.getValue()[0], s.getValue()[1] / n, s.getKey()));
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
