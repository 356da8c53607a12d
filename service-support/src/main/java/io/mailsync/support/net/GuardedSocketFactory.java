package io.mailsync.support.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain sockets whose {@code connect} checks the resolved address against the {@link MailServerPolicy} before a
 * packet is sent. The address checked is the one the socket then connects to, so a DNS answer cannot change between
 * check and use. The operator's log gets the detail; the exception says only that the server was refused.
 */
final class GuardedSocketFactory extends SocketFactory {

    private static final Logger log = LoggerFactory.getLogger(GuardedSocketFactory.class);

    private final MailServerPolicy policy;

    GuardedSocketFactory(MailServerPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new GuardedSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new GuardedSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    /** The customer sees only that the server was refused; which rule refused it is in the operator's log. */
    static final class RefusedMailServerException extends ConnectException {
        RefusedMailServerException() {
            super("connection refused by mailsync's outbound policy");
        }
    }

    private final class GuardedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress target && target.getAddress() != null) {
                Optional<String> refusal = policy.refusalAtConnect(target.getHostString(), target.getAddress(),
                        target.getPort());
                if (refusal.isPresent()) {
                    log.warn("refused to connect to mail server {}:{}: {} (mailsync.security.mail-servers.allow / "
                            + ".ports name what an operator allows)", target.getHostString(), target.getPort(),
                            refusal.get());
                    close();
                    throw new RefusedMailServerException();
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
