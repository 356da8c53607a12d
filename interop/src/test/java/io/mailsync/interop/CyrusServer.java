package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;

/**
 * A private Cyrus IMAP 3.6 instance (IMAP, POP3, LMTP for delivery, {@code idled} for IDLE push) from the extracted
 * Debian packages: its own config, spool and sasldb under a temp folder, loopback ports below 32768. The master drops
 * to the {@code mailsync-interop} user; users live in the private sasldb, mailboxes and quotas are made over IMAP by
 * an admin. See ENVIRONMENT.md "Other IMAP/POP3 servers" for why each setting is there.
 */
public final class CyrusServer extends UnpackedServer {

    private static final Path BIN = PrivateRoot.root().resolve("usr/lib/cyrus/bin");
    private static final Path SASLPASSWD = PrivateRoot.root().resolve("usr/sbin/saslpasswd2");
    private static final String ADMIN = "cyrusadmin";
    /** Issue 22: the ISP's service user, allowed to log in as any user (imapd.conf {@code proxyservers}). */
    static final String PROXY = "mailsync-proxy";
    private final String proxyPassword = "pw-" + UUID.randomUUID();
    private final Path config;
    private final String adminPassword = "pw-" + UUID.randomUUID();
    private final Process master;

    private CyrusServer(Path dir) throws IOException {
        super("cyrus", dir);
        this.config = dir.resolve("imapd.conf");
        // conf/socket: where imapd and lmtpd bind their end of the idled exchange; without it they poll (60 s)
        for (String sub : List.of("conf/socket", "spool", "sieve", "socket", "run")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(config, CyrusConfig.imapdConf(dir, ADMIN));
        Files.writeString(dir.resolve("cyrus.conf"), CyrusConfig.cyrusConf(dir, BIN, imapPort, pop3Port));
        setPassword(ADMIN, adminPassword);
        setPassword(PROXY, proxyPassword);
        PrivateRoot.chownToMailUser(dir);
        // the master runs as root only long enough to bind, then becomes cyrus_user; it does not pass -C on, so
        // every command in cyrus.conf carries its own
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("master").toString(),
                "-C", config.toString(), "-M", dir.resolve("cyrus.conf").toString(),
                "-p", dir.resolve("run/master.pid").toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("master.out").toFile());
        builder.environment().put("LD_LIBRARY_PATH", PrivateRoot.libraryPath());
        this.master = builder.start();
        // a process started before idled listens polls for good, and Cyrus reuses its processes: no connection
        // (not even the port probe) before idled is up
        awaitIdled();
        PrivateRoot.awaitPort(imapPort, master::isAlive, this::log);
        PrivateRoot.awaitPort(pop3Port, master::isAlive, this::log);
    }

    public static boolean installed() {
        return PrivateRoot.prepared(BIN.resolve("master"), BIN.resolve("imapd"), SASLPASSWD);
    }

    /** Fails under CI=true, skips elsewhere, when fetch-servers.sh has not run. */
    public static void require() {
        PrivateRoot.require(installed(), "Cyrus IMAP");
    }

    /** The instance shared by this JVM's tests. */
    public static CyrusServer shared() {
        return shared(CyrusServer.class, CyrusServer::start);
    }

    /** A new private instance; the caller stops it. */
    public static CyrusServer start() {
        return start("cyrus", CyrusServer::require, CyrusServer::new);
    }

    @Override
    public MailUser newUser(String prefix, long quotaBytes) {
        String login = newLogin(prefix);
        String password = newPassword();
        setPassword(login, password);
        try (IMAPStore admin = admin()) {
            Folder mailbox = admin.getFolder("user." + login);
            if (!mailbox.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)) {
                throw new IllegalStateException("Cyrus refused CREATE user." + login);
            }
            if (quotaBytes > 0) {
                Quota quota = new Quota("user." + login);
                quota.setResourceLimit("STORAGE", (quotaBytes + 1023) / 1024);
                admin.setQuota(quota);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not create Cyrus mailbox for " + login, e);
        }
        return new MailUser(login + "@example.test", login, password);
    }

    /**
     * What an admin restoring a mailbox does: the messages are copied aside, the mailbox deleted and created anew (a
     * new UIDVALIDITY), the messages copied back with their flags, the quota set again.
     */
    @Override
    public void resetUidValidity(MailUser user) {
        String mailbox = "user." + user.login();
        String aside = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        try (IMAPStore admin = admin()) {
            Quota[] quotas = admin.getQuota(mailbox);
            Folder temporary = admin.getFolder(aside);
            temporary.create(Folder.HOLDS_MESSAGES);
            grantAdmin(temporary);
            Folder inbox = admin.getFolder(mailbox);
            grantAdmin(inbox);
            inbox.open(Folder.READ_ONLY);
            inbox.copyMessages(inbox.getMessages(), temporary);
            inbox.close(false);
            if (!inbox.delete(false) || !inbox.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)) {
                throw new IllegalStateException("Cyrus refused to recreate " + mailbox);
            }
            grantAdmin(inbox);
            temporary.open(Folder.READ_ONLY);
            temporary.copyMessages(temporary.getMessages(), inbox);
            temporary.close(false);
            temporary.delete(false);
            for (Quota quota : quotas) {
                if (quota.resources.length > 0) {
                    admin.setQuota(quota);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not recreate the Cyrus mailbox of " + user.login(), e);
        }
    }

    /** An admin holds only "lca" by right (RFC 4314); copying in and deleting need the rest. */
    private static void grantAdmin(Folder folder) throws MessagingException {
        ((IMAPFolder) folder).addACL(new ACL(ADMIN, new Rights("lrswipkxtecda")));
    }

    /** Delivers over LMTP with Cyrus's own {@code deliver}, as an MTA would. */
    @Override
    public void deliver(MailUser user, String rfc822) {
        Commands.run(List.of(BIN.resolve("deliver").toString(), "-C", config.toString(), "-a", user.login(),
                user.login()), Map.of("LD_LIBRARY_PATH", PrivateRoot.libraryPath()), rfc822, dir);
    }

    /** An IMAP session as the Cyrus admin (who may CREATE user.x, SETQUOTA, and read any mailbox). */
    public IMAPStore admin() throws MessagingException {
        IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
        store.connect(host(), imapPort, ADMIN, adminPassword);
        return store;
    }

    /** The proxy user's password (issue 22: a mail host's master credential for SASL PLAIN with an authzid). */
    String proxyPassword() {
        return proxyPassword;
    }

    /** Cyrus logs to syslog only; this is what the master printed. */
    public String log() {
        try {
            return Files.readString(dir.resolve("master.out"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    protected boolean running() {
        return master.isAlive();
    }

    @Override
    protected void end() {
        master.destroy();
        try {
            if (!master.waitFor(15, TimeUnit.SECONDS)) {
                master.descendants().forEach(ProcessHandle::destroyForcibly);
                master.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitIdled() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Files.exists(dir.resolve("socket/idle"))) {
            if (!master.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cyrus idled did not start: " + log());
            }
            PrivateRoot.pause();
        }
    }

    private void setPassword(String login, String password) {
        // -p: the password on stdin, never on the command line
        Commands.run(List.of(SASLPASSWD.toString(), "-p", "-c", "-f", dir.resolve("sasldb2").toString(), login),
                Map.of("LD_LIBRARY_PATH", PrivateRoot.libraryPath()), password, dir);
        PrivateRoot.chownToMailUser(dir.resolve("sasldb2"));
    }
}
