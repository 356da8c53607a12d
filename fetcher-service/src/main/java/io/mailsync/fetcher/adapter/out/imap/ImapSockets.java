package io.mailsync.fetcher.adapter.out.imap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.SocketFactory;

/**
 * The sockets of the IMAP connections, made by the configured factory (the outbound policy's, issue 16) and kept so
 * that one can be closed from any thread. Angus can only close a connection under the folder's lock, and during an
 * IDLE it first sends DONE and waits for the answer: a server gone silent mid-IDLE kept the session until the IDLE's
 * read timed out (60 s), whatever the watchdog decided, and an abort waited as long. Closing the socket ends the
 * blocked read at once; Angus then cleans up as after any broken connection.
 *
 * <p>Held weakly: a connection Angus dropped leaves with its socket. Found by the connection's two ends as Angus'
 * protocol object gives them (its local address and the server's): one local port can serve connections to two
 * servers at once, so the local end alone does not name a connection. A search over all sockets, made only when a
 * connection is cut.
 */
final class ImapSockets extends SocketFactory {

    private final SocketFactory factory;
    private final Set<Socket> made = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ImapSockets(SocketFactory factory) {
        this.factory = factory;
    }

    /** What Angus calls: it connects the socket itself, with its connect timeout, and layers TLS over it. */
    @Override
    public Socket createSocket() throws IOException {
        return kept(factory.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return kept(factory.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return kept(factory.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return kept(factory.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return kept(factory.createSocket(address, port, localAddress, localPort));
    }

    private Socket kept(Socket socket) {
        made.add(socket);
        return socket;
    }

    /**
     * Closes the one open connection from {@code local} to {@code server}: a read blocked on it fails at once. False
     * when no socket made here, or more than one, has those ends (a connection made elsewhere, or already closed and
     * collected); the caller then closes it the slow way rather than risk another mailbox's connection.
     */
    boolean cut(Ends ends) {
        if (ends == null) {
            return false;
        }
        Socket found = null;
        synchronized (made) {
            for (Socket socket : made) {
                if (!socket.isClosed() && ends.local().equals(socket.getLocalSocketAddress())
                        && ends.server().equals(socket.getInetAddress())) {
                    if (found != null) {
                        return false;
                    }
                    found = socket;
                }
            }
        }
        if (found == null) {
            return false;
        }
        try {
            found.close();
        } catch (IOException ignored) {
            // closed either way
        }
        return true;
    }

    /** A connection's local end and the address of the server it reaches. */
    record Ends(SocketAddress local, InetAddress server) {
    }
}
