package io.mailsync.fetcher.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mailsync.fetcher.*}: how sessions behave. See {@link io.mailsync.fetcher.application.SessionSettings}. */
@ConfigurationProperties("mailsync.fetcher")
public record FetcherProperties(
        String instanceId,
        @DefaultValue Session session,
        @DefaultValue Imap imap,
        @DefaultValue Breaker breaker,
        @DefaultValue Pop3 pop3,
        @DefaultValue Ownership ownership,
        @DefaultValue Budget budget) {

    /**
     * Issue 22, ADR 0017: a host's connection budget is shared by the fetchers through slots in their database.
     * {@code lease}: a slot not renewed for this long is free again (a crashed fetcher's, say); its holder cuts the
     * connection once only a third of it is left unrenewed. {@code handover}: a slot this fetcher gave back is left to
     * the other fetchers for this long first.
     */
    public record Budget(@DefaultValue("30s") Duration lease, @DefaultValue("500ms") Duration handover) {
    }

    /**
     * Issue 15, ADR 0007. {@code selfFenceAfter}: without an answered Kafka heartbeat for this long, every session
     * stops until heartbeats are answered again — it must stay below the brokers' {@code
     * group.consumer.session.timeout.ms} (45 s by default) less their heartbeat interval (5 s), so a fetcher cut off
     * from Kafka has let go before the group moves its accounts. {@code resumeAfter}: heartbeats answered again for
     * this long (more than one poll) before sessions go on. {@code maxPollSilence}: a poll loop stalled this long
     * lets go too (below {@code max.poll.interval.ms}, 5 min). {@code orphanCommandsAfter}: a command whose account
     * has no registration after this long was for a removed account and is refused.
     */
    public record Ownership(
            @DefaultValue("30s") Duration selfFenceAfter,
            @DefaultValue("6s") Duration resumeAfter,
            @DefaultValue("2m") Duration maxPollSilence,
            @DefaultValue("5m") Duration orphanCommandsAfter) {
    }

    /** POP3 messages may leave the server (retention), so their bodies are kept by default. */
    public record Pop3(@DefaultValue("true") boolean storeBodies) {
    }

    public record Session(
            @DefaultValue("30s") Duration idleRenewal,
            @DefaultValue("2s") Duration backoffStart,
            @DefaultValue("30s") Duration backoffMax,
            @DefaultValue("5m") Duration stableAfter,
            @DefaultValue("15m") Duration authRetry,
            @DefaultValue("10s") Duration startStagger,
            @DefaultValue("200") int takeoverLoginsPerSecond,
            @DefaultValue("200") int batchSize,
            @DefaultValue("60s") Duration fullCompareEvery,
            @DefaultValue("60s") Duration usageEvery,
            @DefaultValue("2") int maxConnectionsPerAccount) {
    }

    /** Per mail host: open after half of at least {@code minimumCalls} connection attempts failed. */
    public record Breaker(@DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }

    public record Imap(
            @DefaultValue("20s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue("10s") Duration answerTimeout) {

        /**
         * IDLE is renewed every {@code session.idle-renewal} (RFC 2177 asks for less than 29 minutes; NAT gateways
         * often drop flows idle for 5; issue 15 asks that a broken or silent server be noticed within seconds, so
         * 30 s), so a read that waits longer than this for any byte means a dead connection — during a FETCH as much
         * as during IDLE. It must exceed the IDLE renewal. {@code answerTimeout}: how long the server may take to
         * answer the DONE that ends an IDLE before the connection is cut off.
         */
        public Imap {
            if (readTimeout.compareTo(answerTimeout) <= 0) {
                throw new IllegalArgumentException("mailsync.fetcher.imap.read-timeout must exceed answer-timeout");
            }
        }
    }
}
