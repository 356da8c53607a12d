package io.mailsync.interop;

import io.mailsync.testkit.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian packages of Cyrus and Courier, extracted (never installed: they would remove Dovecot) by
 * {@code interop/scripts/fetch-servers.sh} into {@code $MAILSYNC_INTEROP_HOME/root}
 * (default {@code /var/cache/mailsync-interop/root}), and what the launchers share: the system user that owns the
 * mail, free loopback ports, private instance folders.
 */
public final class PrivateRoot {

    public static final String PREPARE = "interop/scripts/fetch-servers.sh (as root)";
    static final String MAIL_USER = "mailsync-interop";

    private PrivateRoot() {
    }

    public static Path home() {
        String configured = System.getenv("MAILSYNC_INTEROP_HOME");
        return Path.of(configured == null || configured.isBlank() ? "/var/cache/mailsync-interop" : configured);
    }

    public static Path root() {
        return home().resolve("root");
    }

    /** The extracted root's libraries first: Cyrus needs libpcre3, libical3, libxapian30 the machine lacks. */
    static String libraryPath() {
        return root().resolve("usr/lib/x86_64-linux-gnu") + ":" + root().resolve("usr/lib");
    }

    static boolean prepared(Path... executables) {
        if (!Files.isRegularFile(root().resolve(".ready")) || mailUid() < 0) {
            return false;
        }
        for (Path executable : executables) {
            if (!Files.isExecutable(executable)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Under {@code CI=true} a missing server fails the test (CI must prepare it; a skipped test proves nothing);
     * elsewhere the test is skipped with the command that prepares it (the pattern of testkit's Requirements).
     */
    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " is not prepared: run " + PREPARE;
        if (Requirements.onCi()) {
            throw new AssertionError("CI=true and a required server is missing. " + message);
        }
        Assumptions.abort(message);
    }

    static int mailUid() {
        return id("-u");
    }

    static int mailGid() {
        return id("-g");
    }

    private static int id(String flag) {
        try {
            return Integer.parseInt(Commands.run(List.of("id", flag, MAIL_USER)).strip());
        } catch (RuntimeException unknownUser) {
            return -1;
        }
    }

    /** A fresh folder for one instance, readable by the mail user (servers chdir into homes under it). */
    static Path instanceDir(String server) {
        try {
            return Files.createTempDirectory("mailsync-" + server + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chownToMailUser(Path path) {
        Commands.run(List.of("chown", "-R", mailUid() + ":" + mailGid(), path.toString()));
    }

    /** Removes a stopped instance's folder (its mail belongs to the mail user; we are root). */
    static void delete(Path dir) {
        try {
            Commands.run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
        } catch (RuntimeException leftBehind) {
            // a temp folder left behind is no test failure
        }
    }

    /** Waits for a launched server to listen; {@code alive} says whether it is still running, {@code log} why not. */
    static void awaitPort(int port, Supplier<Boolean> alive, Supplier<String> log) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!alive.get()) {
                throw new IllegalStateException("server exited at start: " + log.get());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("server did not open port " + port + ": " + log.get());
    }

    /** Polling a process we launched (no Awaitility outside assertions). */
    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
