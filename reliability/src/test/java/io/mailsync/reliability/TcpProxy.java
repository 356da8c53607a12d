package io.mailsync.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between the fetcher and a mail server that a test can turn against the client: stall every
 * connection (bytes stop flowing both ways, sockets stay open), cut every open connection, or play a server that
 * has gone away (accept, then close at once). It counts the connections clients opened — the logins they tried.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode { FORWARD, STALL, GONE }

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong downstreamBytes = new AtomicLong();
    private volatile Mode mode = Mode.FORWARD;
    private final Object gate = new Object();
    private final java.util.Set<Socket> blackholed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().name("proxy-accept-" + port()).start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections clients opened so far. */
    int accepted() {
        return accepted.get();
    }

    /** Bytes the server sent towards the client so far. */
    long downstreamBytes() {
        return downstreamBytes.get();
    }

    void mode(Mode next) {
        synchronized (gate) {
            mode = next;
            gate.notifyAll();
        }
        if (next == Mode.GONE) {
            cut();
        }
    }

    /**
     * The open connections go silent for good (a NAT or firewall dropped them without a reset); new connections
     * work. Only a client's own read timeout gets it out.
     */
    void blackholeOpen() {
        blackholed.addAll(open);
    }

    /** Every open connection is closed, as a NAT timeout or a reset would. */
    void cut() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (mode == Mode.GONE) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, false));
                Thread.ofVirtual().start(() -> pump(upstream, client, true));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitFlowing(from);
                out.write(buffer, 0, n);
                out.flush();
                if (downstream) {
                    downstreamBytes.addAndGet(n);
                }
            }
        } catch (IOException | InterruptedException e) {
            // cut, or closed by the other side
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitFlowing(Socket from) throws InterruptedException {
        synchronized (gate) {
            while ((mode == Mode.STALL || blackholed.contains(from)) && !from.isClosed()) {
                gate.wait(200);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
