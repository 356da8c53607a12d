package io.mailsync.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service as its container runs it: {@code java -jar} on the jar its image is built from, with the image's
 * {@code JAVA_TOOL_OPTIONS}, the container's memory limit standing in for the cgroup the JVM would read, and exactly
 * the given environment — nothing inherited from the test's own.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    final String service;
    final int appPort;
    final int managementPort;
    final Path log;
    private final Process process;

    private ServiceProcess(String service, int appPort, int managementPort, Path log, Process process) {
        this.service = service;
        this.appPort = appPort;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String service, Map<String, String> environment, String memoryLimit, Path workDir)
            throws IOException {
        Path jar = Path.of(System.getProperty("mailsync.service-jars", "target/service-jars"), service + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new AssertionError("no " + jar.toAbsolutePath() + ": run through Maven (verify), which copies the"
                    + " services' -exec jars there");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve(service + ".log");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // C1 only: five JVMs starting at once on a CI machine's two cores spend most of their start compiling with
        // C2; this check is of configuration, not of speed, and the flag changes no setting a service reads
        List<String> command = new ArrayList<>(List.of(java, "-XX:MaxRAM=" + bytes(memoryLimit),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("JAVA_TOOL_OPTIONS", imageJavaOptions());
        builder.environment().putAll(environment);
        return new ServiceProcess(service, Integer.parseInt(environment.get("SERVER_PORT")),
                Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT")), log, builder.start());
    }

    /** Ready as Kubernetes decides it: the readiness probe answers 200. A process that ends is a failure now. */
    void awaitReady() {
        try {
            Awaitility.await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError(service + " did not become ready: it exited with status "
                            + process.exitValue() + "; the end of its log:\n" + tail(40));
                }
                return status("/actuator/health/readiness") == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(service + " did not become ready within " + READY_WITHIN
                    + "; the end of its log:\n" + tail(40));
        }
    }

    String scrape() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    int status(String managementPath) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + managementPath))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    String tail(int lines) {
        try {
            List<String> all = logLines();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM, as the kubelet sends
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The {@code JAVA_TOOL_OPTIONS} the Dockerfile's runtime stage sets. */
    static String imageJavaOptions() throws IOException {
        Matcher m = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(Path.of("docker", "Dockerfile")));
        if (!m.find()) {
            throw new AssertionError("the Dockerfile sets no JAVA_TOOL_OPTIONS");
        }
        return m.group(1);
    }

    /** A Kubernetes quantity ({@code 768Mi}, {@code 2Gi}) in bytes. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("not a memory quantity: " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            default -> n;
        };
    }
}
