package io.mailsync.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a server's admin tool or a mail client to completion and returns what it printed. */
public final class Commands {

    private Commands() {
    }

    public static String run(List<String> command) {
        return run(command, Map.of(), null, null);
    }

    /**
     * Runs {@code command} with extra environment {@code env}, {@code input} on stdin (or none) in {@code dir} (or the
     * current folder); fails with the output on a non-zero exit or after 60 s. Never pass a password as an argument:
     * it would show in the failure message and in {@code ps}.
     */
    public static String run(List<String> command, Map<String, String> env, String input, Path dir) {
        return run(command, env, input, dir, java.util.Set.of(0));
    }

    /** As {@link #run(List, Map, String, Path)}, taking every exit status in {@code success} as success. */
    public static String run(List<String> command, Map<String, String> env, String input, Path dir,
            java.util.Set<Integer> success) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        try {
            Process process = builder.start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish in 60 s: " + output);
            }
            if (!success.contains(process.exitValue())) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
