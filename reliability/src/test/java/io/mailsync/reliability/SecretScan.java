package io.mailsync.reliability;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.mailsync.events.TopicNames;

/**
 * R9's eyes: every mailbox password (and credential key) the suite hands to mailsync is watched for, in every line
 * this JVM writes to stdout/stderr (where the services log), from the start of the suite to its end.
 */
final class SecretScan {

    static final Set<String> secrets = ConcurrentHashMap.newKeySet();
    static final Set<String> databases = ConcurrentHashMap.newKeySet();
    static final List<TopicNames> namespaces = new CopyOnWriteArrayList<>();
    static final AtomicInteger logLines = new AtomicInteger();
    /** Lines logged by mailsync's own code: proof the services' logs pass through the scan at all. */
    static final AtomicInteger serviceLines = new AtomicInteger();
    static final List<String> logHits = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private SecretScan() {
    }

    static void watch(String password) {
        if (password != null && password.length() >= 6) {
            secrets.add(password);
        }
    }

    static void watchKey(String key) {
        secrets.add(key);
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new LineTee(System.out, "stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineTee(System.err, "stderr"), true, StandardCharsets.UTF_8));
    }

    /** The secrets found in {@code text}, named by where they were found, never shown. */
    static List<String> hits(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(where + " (secret of length " + secret.length() + ")");
            }
        }
        return found;
    }

    /** Passes every byte on and checks each completed line. */
    private static final class LineTee extends OutputStream {
        private final PrintStream out;
        private final String name;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineTee(PrintStream out, String name) {
            this.out = out;
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            if (b == '\n') {
                check();
            } else if (line.size() < 1 << 20) {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    check();
                } else if (line.size() < 1 << 20) {
                    line.write(b[i]);
                }
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        private void check() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            logLines.incrementAndGet();
            if (text.contains("io.mailsync.") || text.contains("i.m.")) {
                serviceLines.incrementAndGet();
            }
            if (!secrets.isEmpty()) {
                logHits.addAll(hits(name + " line " + logLines.get(), text));
            }
        }
    }
}
