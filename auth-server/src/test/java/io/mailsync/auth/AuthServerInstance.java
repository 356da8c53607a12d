package io.mailsync.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One authorization server with the module's own configuration (devstack's demo customers and clients), on a port of
 * its own and a key file the test names, so a second start on the same file and port is "the same server, restarted".
 */
record AuthServerInstance(ConfigurableApplicationContext context, int port) implements AutoCloseable {

    static AuthServerInstance start(Path keyFile, int port, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--mailsync.auth.issuer=http://localhost:" + port,
                "--mailsync.auth.signing-key-file=" + keyFile,
                "--spring.main.banner-mode=off",
                // every request and decision of the security filters logged, so a test can look for secrets in it
                "--logging.level.org.springframework.security=TRACE"));
        args.addAll(List.of(more));
        return new AuthServerInstance(AuthServerApplication.builder().run(args.toArray(String[]::new)), port);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
