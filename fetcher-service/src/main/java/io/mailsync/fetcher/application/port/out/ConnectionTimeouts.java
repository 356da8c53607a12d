package io.mailsync.fetcher.application.port.out;

import java.time.Duration;

/**
 * How long a mail-server adapter waits: for the TCP connection, for any byte of an answer (a read that waits longer
 * means a dead connection), and for the tagged answer that ends an IDLE. Built from configuration in config/.
 */
public record ConnectionTimeouts(Duration connect, Duration read, Duration answer) {

    public ConnectionTimeouts {
        requirePositive(connect, "connect");
        requirePositive(read, "read");
        requirePositive(answer, "answer");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " timeout must be positive, was " + d);
        }
    }
}
