package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Courier IMAP 5.0 + POP3 instance from the extracted Debian packages. Courier's paths are compiled in
 * ({@code /etc/courier}, {@code /run/courier}, {@code /usr/lib/courier}), so the instance runs in mount and PID
 * namespaces of its own ({@code unshare -m -p}, root): there the extracted {@code /usr} is overlaid on the machine's,
 * and {@code /etc} and {@code /run} get this instance's writable layers. Nothing outside the namespace sees them, and
 * ending the namespace's first process ends every process of the instance. Users live in a private {@code userdb};
 * each Maildir carries a Maildir++ quota ({@code maildirsize}). See ENVIRONMENT.md "Other IMAP/POP3 servers".
 */
public final class CourierServer extends UnpackedServer {

    private static final Path ROOT = PrivateRoot.root();
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path NSENTER = Path.of("/usr/bin/nsenter");
    private static final Path DELIVERQUOTA = ROOT.resolve("usr/bin/deliverquota.courier");
    private final Process unshare;
    private final ProcessHandle holder;

    private CourierServer(Path dir) throws IOException {
        super("courier", dir);
        for (String sub : List.of("etc/courier", "etc-work", "run", "run-work", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path courierEtc = dir.resolve("etc/courier");
        Commands.run(List.of("cp", "-a", ROOT.resolve("etc/courier") + "/.", courierEtc.toString()));
        Path authdaemonrc = courierEtc.resolve("authdaemonrc");
        Files.writeString(authdaemonrc, Files.readString(authdaemonrc)
                .replaceAll("(?m)^authmodulelist=.*$", "authmodulelist=\"authuserdb\""));
        Files.writeString(courierEtc.resolve("userdb"), "");
        Files.setPosixFilePermissions(courierEtc.resolve("userdb"), PosixFilePermissions.fromString("rw-------"));
        // without enhanced IDLE, Courier answers IDLE by polling every IMAP_IDLE_TIMEOUT (60 s); with it, FAM (gamin)
        // reports a delivery at once
        Path imapd = courierEtc.resolve("imapd");
        Files.writeString(imapd, Files.readString(imapd)
                .replaceAll("(?m)^IMAP_ENHANCEDIDLE=.*$", "IMAP_ENHANCEDIDLE=1"));
        Path script = dir.resolve("namespace.sh");
        Files.writeString(script, CourierFiles.namespaceScript(dir, ROOT, imapPort, pop3Port));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        // -p -f --mount-proc: the script is PID 1 of its own namespace; when it exits the kernel ends the rest
        this.unshare = new ProcessBuilder(UNSHARE.toString(), "-m", "-p", "-f", "--mount-proc",
                "--propagation", "private", script.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("namespace.out").toFile()).start();
        this.holder = awaitHolder();
        PrivateRoot.awaitPort(imapPort, unshare::isAlive, this::log);
        PrivateRoot.awaitPort(pop3Port, unshare::isAlive, this::log);
        makeUserDb();
    }

    public static boolean installed() {
        return PrivateRoot.prepared(UNSHARE, NSENTER, DELIVERQUOTA, ROOT.resolve("usr/sbin/couriertcpd"),
                ROOT.resolve("usr/bin/imapd"));
    }

    /** Fails under CI=true, skips elsewhere, when fetch-servers.sh has not run. */
    public static void require() {
        PrivateRoot.require(installed(), "Courier IMAP");
    }

    /** The instance shared by this JVM's tests. */
    public static CourierServer shared() {
        return shared(CourierServer.class, CourierServer::start);
    }

    /** A new private instance; the caller stops it. */
    public static CourierServer start() {
        return start("courier", CourierServer::require, CourierServer::new);
    }

    @Override
    public MailUser newUser(String prefix, long quotaBytes) {
        String login = newLogin(prefix);
        String password = newPassword();
        Path home = dir.resolve("mail").resolve(login);
        Path maildir = home.resolve("Maildir");
        try {
            for (String sub : List.of("cur", "new", "tmp")) {
                Files.createDirectories(maildir.resolve(sub));
            }
            if (quotaBytes > 0) {
                // Maildir++ quota, as maildirmake -q <n>S writes it
                Files.writeString(maildir.resolve("maildirsize"), quotaBytes + "S\n");
            }
            PrivateRoot.chownToMailUser(home);
            String line = CourierFiles.userDbLine(login, password, home, maildir);
            synchronized (this) {
                Files.writeString(dir.resolve("etc/courier/userdb"), line, StandardOpenOption.APPEND);
                makeUserDb();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MailUser(login + "@example.test", login, password);
    }

    /**
     * Courier keeps UIDVALIDITY and the UIDs in {@code courierimapuiddb}; a new UIDVALIDITY (the old plus one) on its
     * first line voids the UIDs, as a restore from backup would. Courier writes the file on the first SELECT.
     */
    @Override
    public void resetUidValidity(MailUser user) {
        Path uidDb = dir.resolve("mail").resolve(user.login()).resolve("Maildir/courierimapuiddb");
        try {
            if (!Files.exists(uidDb)) {
                try (var imap = Stores.imap(this, user)) {
                    var inbox = imap.getFolder("INBOX");
                    inbox.open(jakarta.mail.Folder.READ_WRITE); // EXAMINE writes no UID db
                    inbox.close(false);
                }
            }
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(uidDb));
            String[] header = lines.getFirst().split(" "); // version uidvalidity nextuid
            header[1] = Long.toString(Long.parseLong(header[1]) + 1);
            lines.set(0, String.join(" ", header));
            Files.write(uidDb, lines);
            // a running imapd keeps the UIDVALIDITY it read at SELECT and never announces a new one: a restore ends
            // the user's sessions, so clients see the new value when they log in again (RFC 3501 §2.3.1.1)
            endImapSessionsOf(user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to every Courier {@code imapd} logged in as {@code user} (its environment says AUTHENTICATED=login). */
    private static void endImapSessionsOf(MailUser user) throws IOException {
        byte[] marker = ("AUTHENTICATED=" + user.login() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    byte[] environ = Files.readAllBytes(proc.resolve("environ"));
                    if (cmdline.contains("imapd") && contains(environ, marker)) {
                        ProcessHandle.of(Long.parseLong(proc.getFileName().toString()))
                                .ifPresent(ProcessHandle::destroy);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile, or is not ours to read
                }
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Delivers with Courier's {@code deliverquota} as the mail user, so the Maildir++ quota counts the message. */
    @Override
    public void deliver(MailUser user, String rfc822) {
        Path maildir = dir.resolve("mail").resolve(user.login()).resolve("Maildir");
        Commands.run(List.of("setpriv", "--reuid=" + PrivateRoot.mailUid(), "--regid=" + PrivateRoot.mailGid(),
                        "--clear-groups", DELIVERQUOTA.toString(), "-w", "90", maildir.toString()),
                Map.of("LD_LIBRARY_PATH", PrivateRoot.libraryPath()), rfc822, dir);
    }

    /** What the instance's daemons printed (couriertcpd logs each login and disconnect). */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String file : List.of("namespace.out", "authdaemond.out", "imapd.out", "pop3d.out")) {
            try {
                log.append("== ").append(file).append('\n').append(Files.readString(dir.resolve(file)));
            } catch (IOException missing) {
                log.append("== ").append(file).append(" (none)\n");
            }
        }
        return log.toString();
    }

    @Override
    protected boolean running() {
        return unshare.isAlive();
    }

    @Override
    protected void end() {
        // unshare itself blocks SIGTERM while it waits; the namespace ends with its first process
        holder.destroy();
        try {
            if (!unshare.waitFor(15, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
                unshare.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rebuilds userdb.dat inside the namespace, where makeuserdb finds /etc/courier (authdaemond re-reads it). */
    private void makeUserDb() {
        Commands.run(List.of(NSENTER.toString(), "-t", Long.toString(holder.pid()), "-m", "--",
                "/usr/sbin/makeuserdb"));
    }

    private ProcessHandle awaitHolder() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            var child = unshare.children().findFirst();
            if (child.isPresent() && Files.exists(dir.resolve("run/courier/ready"))) {
                return child.get();
            }
            if (!unshare.isAlive()) {
                throw new IllegalStateException("Courier namespace exited at start: " + log());
            }
            PrivateRoot.pause();
        }
        throw new IllegalStateException("Courier namespace did not come up: " + log());
    }
}
