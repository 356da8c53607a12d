package io.mailsync.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A MongoDB wire-protocol server (mongo-java-server) reached through the real driver; started once per JVM, in
 * memory for tests, or file-backed for devstack. Its oplog is off: nothing here reads change streams, and it cost
 * every insert and update a second document written (a sixth of the server's CPU in an import: issue 18, P2).
 * With {@code MAILSYNC_TESTCONTAINERS=true} and Docker, a real MongoDB container instead. Tests isolate themselves by
 * database name.
 */
public final class MongoKit {

    private static volatile String baseUri;

    private MongoKit() {
    }

    public static synchronized String baseUri() {
        if (baseUri == null) {
            baseUri = Containers.enabled() ? Containers.mongo() : start(new MemoryBackend());
        }
        return baseUri;
    }

    /** A connection string for a database of its own. */
    public static String uri(String database) {
        return baseUri() + "/" + database;
    }

    public static String uriForNewDatabase(String prefix) {
        return uri(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A file-backed server (devstack): its data survives a restart. Returns the base URI without database. */
    public static String startFileBacked(Path file, int port) {
        return start(new H2Backend(file.toString()), port);
    }

    private static String start(de.bwaldvogel.mongo.MongoBackend backend) {
        return start(backend, 0);
    }

    private static String start(de.bwaldvogel.mongo.MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        ShutdownOrder.infrastructure(server::shutdownNow);
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
