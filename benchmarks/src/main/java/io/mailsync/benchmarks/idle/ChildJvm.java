package io.mailsync.benchmarks.idle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JVM of its own on this benchmark's classpath: the per-process descriptor limit (20,000 here) means the IMAP
 * server side and the fetcher's side of 20,000 connections cannot share one process. And the fetcher's side alone
 * needs more than 20,000 (its sockets, plus Kafka's, MongoDB's and the class path's): each child asks for
 * {@value #DESCRIPTORS} descriptors, as a fetcher holding that many mailboxes in production must be given, and goes
 * on with the machine's limit where raising it is not allowed (the JVM itself raises its soft limit to the hard one).
 */
final class ChildJvm implements AutoCloseable {

    static final int DESCRIPTORS = 65_536;

    final Process process;
    private final PrintWriter in;

    private ChildJvm(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    }

    static ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                          Consumer<String> lines, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "ulimit -n " + DESCRIPTORS + " 2>/dev/null; exec \"$@\"", name));
        command.add(javaHome().resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        Process process = builder.start();
        ChildJvm child = new ChildJvm(process);
        Thread.ofPlatform().daemon().name(name + "-out").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        });
        return child;
    }

    void send(String line) {
        in.println(line);
    }

    long pid() {
        return process.pid();
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The classpath this JVM runs on, also under {@code mvn exec:java} (whose project classes are in a class loader). */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception ignored) {
                        // not a file
                    }
                }
            }
        }
        if (entries.stream().noneMatch(e -> e.contains("fetcher-service"))) {
            entries.clear();
        }
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.contains("plexus-classworlds") && !e.contains("maven")) {
                entries.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Runs the JDK's {@code jcmd} against this child. */
    String jcmd(String... args) {
        List<String> command = new ArrayList<>(List.of(javaHome().resolve("bin/jcmd").toString(),
                String.valueOf(pid())));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A field of /proc/PID/status in its first number (kB for memory, a count for Threads). */
    long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", " ").trim().split(" ")[0]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // gone
        }
        return -1;
    }

    long openFiles() {
        try (var fds = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
