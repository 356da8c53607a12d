package io.mailsync.testkit;

import io.mailsync.testkit.GreenMailKit.MailUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private Dovecot instance from the Debian packages ({@code dovecot-imapd dovecot-pop3d}): its own config, base
 * and state directories under a temp folder, loopback ports below 32768, users with quotas in a passwd-file. It
 * offers what GreenMail lacks: CONDSTORE, QRESYNC, STORAGE and MESSAGE quota. Its configuration is
 * {@link DovecotConfig}.
 */
public final class Dovecot implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/dovecot");
    static final Path DOVEADM = Path.of("/usr/bin/doveadm");
    static final String NOT_INSTALLED = "Dovecot is not installed: apt-get install dovecot-imapd dovecot-pop3d";
    private static final int MAIL_UID = 5000;
    /**
     * The SPECIAL-USE folders (RFC 6154) every user has, created on login ({@code auto = subscribe}). Sent and Trash
     * are named unlike mailsync's configured defaults ("Sent", "Trash"), so a test that finds a message there proves
     * the folder was found by its attribute, not by its name (issue 11).
     */
    public static final String SENT = "Sent Messages";
    public static final String DRAFTS = "Drafts";
    public static final String TRASH = "Deleted Messages";
    private static Dovecot shared;

    private final Path dir;
    private final Path config;
    private final Path users;
    private final int imapPort;
    private final int pop3Port;
    private final Process master;
    private long usersStamp;

    private Dovecot(Path dir, DovecotAuth auth) throws IOException, InterruptedException {
        this.dir = dir;
        this.config = dir.resolve("dovecot.conf");
        this.users = dir.resolve("users");
        this.imapPort = LoopbackPorts.freeBelow32768();
        this.pop3Port = LoopbackPorts.freeBelow32768();
        for (String sub : List.of("run", "state", "mail", "home")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(users, "");
        usersStamp = Instant.now().getEpochSecond();
        Files.writeString(config, auth == null ? DovecotConfig.render(dir, MAIL_UID, imapPort, pop3Port)
                : DovecotConfig.render(dir, MAIL_UID, imapPort, pop3Port, auth.render(dir)));
        chown(dir.resolve("mail"));
        chown(dir.resolve("home"));
        this.master = new ProcessBuilder(BINARY.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("master.out").toFile()).start();
        awaitPort(imapPort);
        awaitPort(pop3Port);
    }

    /** Whether the Debian packages are installed on this machine. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DOVEADM);
    }

    /**
     * The instance shared by this JVM's tests. Where Dovecot is missing, a test fails under {@code CI=true} (CI must
     * install it) and is skipped elsewhere with the command that installs it.
     */
    public static synchronized Dovecot shared() {
        Requirements.dovecot();
        if (shared == null) {
            shared = start();
            ShutdownOrder.infrastructure(shared::close);
        }
        return shared;
    }

    public static Dovecot start() {
        return start(null);
    }

    /** An instance of its own that also lets a master user or bearer tokens in (issue 22); null: neither. */
    public static Dovecot start(DovecotAuth auth) {
        if (!installed()) { // the benchmark starts one without a test's Requirements: say what to install
            throw new IllegalStateException(NOT_INSTALLED);
        }
        try {
            Path dir = Files.createTempDirectory("mailsync-dovecot-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return new Dovecot(dir, auth);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Dovecot", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int imapPort() {
        return imapPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    /** Adds a mailbox user; {@code quotaRule} like {@code *:storage=1M} or {@code *:messages=10}, or null. */
    public MailUser newUser(String prefix, String quotaRule) {
        String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String extra = quotaRule == null ? "" : "userdb_quota_rule=" + quotaRule;
        // passwd-file needs all seven colons or login answers NO [UNAVAILABLE]
        String line = login + ":{PLAIN}" + password + ":" + MAIL_UID + ":" + MAIL_UID + "::"
                + dir.resolve("home").resolve(login) + "::" + extra + "\n";
        try {
            synchronized (this) {
                Files.writeString(users, line, StandardOpenOption.APPEND);
                // Dovecot re-reads a passwd-file when its mtime (seconds) moves: make every addition move it
                usersStamp = Math.max(usersStamp + 1, Instant.now().getEpochSecond());
                Files.setLastModifiedTime(users, FileTime.from(Instant.ofEpochSecond(usersStamp)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUserKnown(login);
        return new MailUser(login + "@example.test", login, password);
    }

    /** The auth process re-reads the passwd-file lazily; a user is usable once {@code doveadm user} finds it. */
    private void awaitUserKnown(String login) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            try {
                doveadm("user", login);
                return;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                try {
                    Files.setLastModifiedTime(users, FileTime.from(
                            Instant.ofEpochSecond(++usersStamp)));
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Delivers an RFC 822 message as the LDA would ({@code doveadm save}, ~11 ms). */
    public void deliver(MailUser user, String folder, String rfc822) {
        doveadmWithInput(rfc822, "save", "-u", user.login(), "-m", folder);
    }

    public void deliver(MailUser user, String rfc822) {
        deliver(user, "INBOX", rfc822);
    }

    /**
     * Breaks the user's mailbox under the server until the answer is closed: its maildir unreadable, Dovecot keeps a
     * running IDLE silent and answers the next command with {@code * NO Internal error occurred} (issue 15).
     */
    public Repair breakMailbox(MailUser user) {
        Path maildir = Path.of(doveadm("user", "-f", "mail", user.login()).trim().replaceFirst("^maildir:", ""));
        try {
            Files.setPosixFilePermissions(maildir, PosixFilePermissions.fromString("---------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> {
            try {
                Files.setPosixFilePermissions(maildir, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Undoes {@link #breakMailbox}. */
    public interface Repair extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code doveadm -c <this config> args...} and returns its output; fails on a non-zero exit. */
    public String doveadm(String... args) {
        return doveadmWithInput(null, args);
    }

    private String doveadmWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(DOVEADM.toString(), "-c", config.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("doveadm " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's log, for a failing test's diagnosis. */
    public String log() {
        try {
            return Files.readString(dir.resolve("dovecot.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        master.destroy();
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void chown(Path path) throws IOException, InterruptedException {
        new ProcessBuilder("chown", "-R", MAIL_UID + ":" + MAIL_UID, path.toString()).inheritIO().start().waitFor();
    }

    private void awaitPort(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!master.isAlive()) {
                throw new IllegalStateException("Dovecot exited at start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50); // waiting for a process we launched; no Awaitility in production code paths
            }
        }
        throw new IllegalStateException("Dovecot did not open port " + port + ": " + log());
    }
}
