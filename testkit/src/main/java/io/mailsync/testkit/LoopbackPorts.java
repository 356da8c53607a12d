package io.mailsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for servers a test starts as processes of their own. The mail servers want one below
 * 32768 (ENVIRONMENT.md: Dovecot, Cyrus and Courier are run with ports there, outside Linux's ephemeral range, so
 * a client's outgoing connection never takes the port between our probe and the server's bind).
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port in 20000-31999 nothing listens on now; fails after 100 taken ones. */
    public static int freeBelow32768() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port below 32768"));
    }
}
