package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cutting one connection among several that share a local port: the kernel gives one port to connections to
 * different servers, so the watchdog naming a silent server's connection by its local end alone could close another
 * mailbox's. Real sockets on loopback (127.0.0.1 and 127.0.0.2 are both local on Linux).
 */
class ImapSocketsTest {

    private final ImapSockets sockets = new ImapSockets(SocketFactory.getDefault());
    private ServerSocket first;
    private ServerSocket second;
    private ServerSocket secondPortOfFirst;

    @BeforeEach
    void listen() throws IOException {
        first = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        second = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.2"));
        secondPortOfFirst = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    }

    @AfterEach
    void close() throws IOException {
        first.close();
        second.close();
        secondPortOfFirst.close();
    }

    @Test
    void cutsTheConnectionToTheNamedServerAndLeavesTheOneSharingItsLocalPort() throws IOException {
        Socket toFirst = connectFrom(0, first);
        Socket toSecond = connectFrom(toFirst.getLocalPort(), second);
        assertThat(toSecond.getLocalSocketAddress()).as("one local end, two connections")
                .isEqualTo(toFirst.getLocalSocketAddress());

        boolean cut = sockets.cut(new ImapSockets.Ends(toSecond.getLocalSocketAddress(), toSecond.getInetAddress()));

        assertThat(cut).isTrue();
        assertThat(toSecond.isClosed()).isTrue();
        assertThat(toFirst.isClosed()).as("the other mailbox's connection").isFalse();
        toFirst.close();
    }

    @Test
    void leavesBothOpenWhenTheEndsDoNotNameOneConnection() throws IOException {
        Socket one = connectFrom(0, first);
        Socket other = connectFrom(one.getLocalPort(), secondPortOfFirst);

        boolean cut = sockets.cut(new ImapSockets.Ends(one.getLocalSocketAddress(), one.getInetAddress()));

        assertThat(cut).as("the caller closes its connection through Angus instead").isFalse();
        assertThat(one.isClosed()).isFalse();
        assertThat(other.isClosed()).isFalse();
        one.close();
        other.close();
    }

    @Test
    void aClosedConnectionIsNotFoundAgain() throws IOException {
        Socket socket = connectFrom(0, first);
        ImapSockets.Ends ends = new ImapSockets.Ends(socket.getLocalSocketAddress(), socket.getInetAddress());
        socket.close();

        assertThat(sockets.cut(ends)).isFalse();
        assertThat(sockets.cut(null)).isFalse();
    }

    /** A socket made by the factory under test, bound to {@code localPort} on 127.0.0.1 (0: any) before connecting. */
    private Socket connectFrom(int localPort, ServerSocket server) throws IOException {
        Socket socket = sockets.createSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), localPort));
        socket.connect(server.getLocalSocketAddress(), 2_000);
        return socket;
    }
}
