package io.mailsync.fetcher.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How sessions behave, owned by the use case (mapped from configuration).
 *
 * @param instanceId   names this fetcher in event origins
 * @param idleRenewal  IDLE is re-issued after this long (RFC 2177: before 29 minutes)
 * @param backoffStart first reconnect delay after a failure (jittered, doubling)
 * @param backoffMax   longest reconnect delay
 * @param stableAfter  a session up this long resets the back-off
 * @param authRetry    wait after an authentication failure: slow, so a wrong password never becomes a login loop
 * @param startStagger sessions start at a random point within this window, so a restart does not storm servers
 * @param takeoverLoginsPerSecond accounts taken over later (a failed fetcher's, issue 15) are not spread over a
 *                     window but paced: at most this many first logins a second, the first ones at once — failover
 *                     must end within the group's session timeout + 5 s, and a window costs its whole length at p99
 * @param batchSize    messages read and published per batch
 * @param fullCompareEvery  at most one full flag comparison per folder this often (servers without QRESYNC)
 * @param usageEvery   at most one quota sample per account this often
 * @param maxConnections   connections one account may hold at once (INBOX IDLE + one for other folders)
 * @param pop3StoresBodies POP3 messages are always kept in the content store (they may leave the server)
 */
public record SessionSettings(
        String instanceId,
        Duration idleRenewal,
        Duration backoffStart,
        Duration backoffMax,
        Duration stableAfter,
        Duration authRetry,
        Duration startStagger,
        int takeoverLoginsPerSecond,
        int batchSize,
        Duration fullCompareEvery,
        Duration usageEvery,
        int maxConnections,
        boolean pop3StoresBodies) {

    public SessionSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (idleRenewal.compareTo(Duration.ofMinutes(29)) >= 0) {
            throw new IllegalArgumentException("IDLE must be re-issued before 29 minutes (RFC 2177)");
        }
        if (backoffStart.isNegative() || backoffStart.isZero() || backoffMax.compareTo(backoffStart) < 0) {
            throw new IllegalArgumentException("back-off: 0 < start <= max");
        }
        if (takeoverLoginsPerSecond < 1) {
            throw new IllegalArgumentException("takeoverLoginsPerSecond is at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is at least 1");
        }
    }
}
