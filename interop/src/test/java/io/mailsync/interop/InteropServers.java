package io.mailsync.interop;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The four servers of the suite, each started on first use and shared by the JVM, as a {@code @MethodSource} for
 * tests that run against every one: {@code @MethodSource("io.mailsync.interop.InteropServers#all")}.
 */
public final class InteropServers {

    private InteropServers() {
    }

    public static Stream<Named<Supplier<MailServer>>> all() {
        return Stream.of(
                Named.of("dovecot", DovecotServer::shared),
                Named.of("cyrus", CyrusServer::shared),
                Named.of("courier", CourierServer::shared),
                Named.of("greenmail", GreenMailServer::shared));
    }
}
