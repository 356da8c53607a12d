package io.mailsync.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code kubectl kustomize}, which renders offline. Like testkit's {@code Requirements}: under {@code CI=true}
 * a missing kubectl fails the test (CI must install it); elsewhere the test is skipped with how to install it.
 */
final class Kubectl {

    private static final long TIMEOUT_SECONDS = 60;

    private Kubectl() {
    }

    static Optional<Path> find() {
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(
                        Stream.of(pathVariable.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of),
                        Stream.of(Path.of("/usr/bin"), Path.of("/usr/local/bin")))
                .map(dir -> dir.resolve("kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Path require() {
        Optional<Path> kubectl = find();
        if (kubectl.isPresent()) {
            return kubectl.get();
        }
        String howToInstall = "kubectl is not installed: https://kubernetes.io/docs/tasks/tools/ (it renders kustomize offline)";
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            throw new AssertionError("CI=true and a required tool is missing. " + howToInstall);
        }
        Assumptions.abort(howToInstall);
        throw new IllegalStateException("unreachable");
    }

    /** The YAML stream {@code kubectl kustomize dir} prints; a render error fails with kubectl's own message. */
    static String kustomize(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no kustomization directory " + dir.toAbsolutePath());
        }
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(List.of(require().toString(), "kustomize", dir.toString()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }
}
