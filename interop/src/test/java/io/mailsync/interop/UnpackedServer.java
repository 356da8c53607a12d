package io.mailsync.interop;

import io.mailsync.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What Cyrus and Courier instances share: unpacked from Debian packages into the private root (fetch-servers.sh),
 * run in a folder of their own on loopback ports below 32768, sub-folders under {@code INBOX.}, and a UIDVALIDITY
 * that can be made to change. One instance per kind is shared by a JVM's tests and stopped when it exits; a test
 * that breaks its server starts a private one.
 */
abstract class UnpackedServer implements MailServer {

    private static final Map<Class<?>, MailServer> SHARED = new HashMap<>();

    /** Builds an instance in its folder: starts the daemons and waits until they answer. */
    @FunctionalInterface
    interface Launcher<T extends UnpackedServer> {
        T launch(Path dir) throws IOException;
    }

    protected final Path dir;
    protected final int imapPort;
    protected final int pop3Port;
    private final String name;

    protected UnpackedServer(String name, Path dir) {
        this.name = name;
        this.dir = dir;
        this.imapPort = LoopbackPorts.freeBelow32768();
        this.pop3Port = LoopbackPorts.freeBelow32768();
    }

    /** A new private instance of {@code name}, its folder under the private root; the caller stops it. */
    static <T extends UnpackedServer> T start(String name, Runnable require, Launcher<T> launcher) {
        require.run();
        try {
            return launcher.launch(PrivateRoot.instanceDir(name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The instance of {@code kind} this JVM's tests share, started on first use. */
    static synchronized <T extends UnpackedServer> T shared(Class<T> kind, Supplier<T> start) {
        MailServer server = SHARED.get(kind);
        if (server == null) {
            server = start.get();
            SHARED.put(kind, server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, server.name() + "-shutdown"));
        }
        return kind.cast(server);
    }

    /** {@code prefix-xxxxxxxx}, as {@link MailServer#newUser} promises. */
    static String newLogin(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newPassword() {
        return "pw-" + UUID.randomUUID();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String host() {
        return "127.0.0.1";
    }

    @Override
    public final int imapPort() {
        return imapPort;
    }

    @Override
    public final int pop3Port() {
        return pop3Port;
    }

    /** Both name sub-folders of INBOX with a dot ({@code INBOX.Sent}). */
    @Override
    public final String folderName(String folder) {
        return "INBOX." + folder;
    }

    @Override
    public final boolean canResetUidValidity() {
        return true;
    }

    /** Ends the daemons, then removes the instance's folder; idempotent. */
    @Override
    public final synchronized void stop() {
        if (!running()) {
            return;
        }
        end();
        PrivateRoot.delete(dir);
    }

    protected abstract boolean running();

    /** Ends every process of the instance and waits for them (a bounded time). */
    protected abstract void end();
}
