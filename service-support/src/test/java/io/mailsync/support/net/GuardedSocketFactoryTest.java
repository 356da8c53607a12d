package io.mailsync.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The check at connect (issue 16): a socket from the guarded factory refuses a name that resolved to an internal
 * address before a packet leaves — a real listener on loopback sees no connection — and connects where allowed.
 */
class GuardedSocketFactoryTest {

    @Test
    void aNameResolvingToLoopbackIsRefusedBeforeConnecting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = acceptInBackground(server);
            MailServerPolicy policy = new MailServerPolicy(new MailServerGuardProperties(List.of(),
                    List.of(String.valueOf(server.getLocalPort()))));
            // "localhost" is a name: the registration check leaves names to the connect, where its address decides
            assertThatThrownBy(() -> policy.socketFactory().createSocket("localhost", server.getLocalPort()))
                    .isInstanceOf(ConnectException.class).hasMessageNotContaining("127.0.0.1");
            Socket unconnected = policy.socketFactory().createSocket();
            assertThatThrownBy(() -> unconnected.connect(new InetSocketAddress("localhost", server.getLocalPort()),
                    1000)).isInstanceOf(ConnectException.class);
            assertThat(unconnected.isClosed()).isTrue();
            assertThat(accepted.get()).as("connections the listener saw").isZero();
        }
    }

    @Test
    void anAllowedAddressConnects() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MailServerPolicy policy = new MailServerPolicy(new MailServerGuardProperties(List.of("127.0.0.1", "::1"),
                    List.of("1-65535")));
            try (Socket socket = policy.socketFactory().createSocket("localhost", server.getLocalPort())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    private static AtomicInteger acceptInBackground(ServerSocket server) {
        AtomicInteger accepted = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return accepted;
    }
}
