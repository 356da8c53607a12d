package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees when devstack cannot start (issue 17), with devstack run as {@code ./mailsync devstack} runs
 * it: its own JVM. A second start on a data folder that another devstack holds used to print an H2 "file is locked"
 * stack trace and then hang for ever (Kafka's threads kept the JVM alive); it must say in one line what holds the
 * folder and end with a non-zero status within seconds. Any other start failure ends the process the same way.
 */
class DevStackStartFailureIT {

    private static final Duration ENDS_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondStartOnAFolderAnotherDevstackHoldsSaysWhoHoldsItInOneLineAndEnds() throws Exception {
        Process first = devstack("first");
        // the folder is taken before the first progress line is printed
        await().atMost(Duration.ofSeconds(60)).until(() -> output("first").contains("starting Kafka"));

        long start = System.nanoTime();
        Process second = devstack("second");
        assertThat(second.waitFor(ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the second start ends by itself")
                .isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(second.exitValue()).as("exit status").isNotZero();
        assertThat(lines("second")).as("everything the second start printed").singleElement().asString()
                .startsWith("mailsync devstack: " + data)
                .contains("in use by devstack pid " + first.pid() + " running since")
                .contains("MAILSYNC_DATA");
        assertThat(took).as("ended within seconds").isLessThan(ENDS_WITHIN);
        assertThat(first.isAlive()).as("the first devstack is left alone").isTrue();
    }

    @Test
    void aStartThatFailsPartWayEndsTheProcessWithOneLineSayingWhy() throws Exception {
        // MongoDB's data file held by a process that is not a devstack of this version: devstack gets past its own
        // lock, starts Kafka (whose threads kept the old devstack alive), then fails on the database
        H2Backend holder = new H2Backend(data.resolve("mongo.mv.db").toString());
        try {
            Process devstack = devstack("failing");
            assertThat(devstack.waitFor(ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("ends by itself").isTrue();
            assertThat(devstack.exitValue()).isNotZero();
            List<String> failures = lines("failing").stream().filter(l -> l.startsWith("mailsync devstack:")).toList();
            assertThat(failures).singleElement().asString()
                    .startsWith("mailsync devstack: could not start: MongoDB's data file is locked by another process")
                    .contains(data.resolve("devstack.log").toString());
            assertThat(lines("failing")).as("no stack trace on the console").noneMatch(l -> l.startsWith("\tat "));
        } finally {
            holder.close();
        }
    }

    /** devstack as {@code ./mailsync devstack} starts it: a JVM of its own on the module's classpath. */
    private Process devstack(String name) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevStack.class.getName())
                .redirectOutput(data.resolve(name + ".out").toFile())
                .redirectError(data.resolve(name + ".err").toFile());
        builder.environment().put("MAILSYNC_DATA", data.toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String output(String name) throws IOException {
        Path out = data.resolve(name + ".out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    /** The non-blank lines it printed, standard output and error together. */
    private List<String> lines(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String stream : List.of(".out", ".err")) {
            Files.readAllLines(data.resolve(name + stream)).stream().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }
}
