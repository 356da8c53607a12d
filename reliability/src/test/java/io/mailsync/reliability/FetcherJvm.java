package io.mailsync.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fetcher in a JVM of its own (issue 15): a real process that can be killed with SIGKILL, paused with SIGSTOP and
 * resumed with SIGCONT — which a context closed in the test JVM cannot stand in for. It runs the fetcher's main class
 * on this JVM's classpath with the stack's settings.
 */
final class FetcherJvm implements AutoCloseable {

    final String instance;
    private final Process process;
    private final Path log;

    private FetcherJvm(String instance, Process process, Path log) {
        this.instance = instance;
        this.process = process;
        this.log = log;
    }

    static FetcherJvm start(String instance, Map<String, Object> properties) {
        try {
            Path log = Files.createTempFile("fetcher-" + instance + "-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), "io.mailsync.fetcher.FetcherApplication"));
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            command.add("--mailsync.fetcher.instance-id=" + instance);
            command.add("--server.port=0");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new FetcherJvm(instance, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a fetcher JVM", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no LOGOUT, no leaving the group — a crash. */
    void kill() {
        signal("KILL");
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume(); // a paused JVM ignores SIGTERM until it runs again
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
