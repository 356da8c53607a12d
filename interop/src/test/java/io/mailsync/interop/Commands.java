package io.mailsync.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Path output = null;
        try {
            // output to a file, not a pipe: a hung command must not hang the reader past the timeout
            output = Files.createTempFile("mailsync-command-", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.ISO_8859_1);
            if (!finished) {
                throw new IllegalStateException(command.getFirst() + " did not finish in 60 s: " + printed);
            }
            if (!success.contains(process.exitValue())) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited " + process.exitValue() + ": " + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }
}
