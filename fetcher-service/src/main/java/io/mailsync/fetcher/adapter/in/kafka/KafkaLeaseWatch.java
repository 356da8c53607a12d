package io.mailsync.fetcher.adapter.in.kafka;

import io.mailsync.fetcher.application.AccountSessions;
import io.mailsync.fetcher.application.Lease;
import io.mailsync.fetcher.application.OwnershipSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Issue 15: a fetcher that cannot reach Kafka stops its sessions before its partitions could have moved. The group
 * coordinator moves a member's partitions once it has had no heartbeat for the group's session timeout, so every
 * answered heartbeat (the consumer's {@code heartbeat-total}) renews this fetcher's {@link Lease} for
 * {@code self-fence-after} — below that timeout — counted from before the heartbeat was sent; a poll loop stalled
 * towards {@code max.poll.interval.ms} revokes it. Sessions check the lease before they act; when it lapses they are
 * suspended (connections closed, commands kept), and resumed once heartbeats have been answered again for a while —
 * time for a poll that would run a pending {@code onPartitionsLost} — and only where their epoch is still the newest.
 */
@Component
class KafkaLeaseWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaLeaseWatch.class);
    private static final Duration EVERY = Duration.ofMillis(250);
    private static final Duration ORPHANS_EVERY = Duration.ofSeconds(30);

    private final KafkaListenerEndpointRegistry registry;
    private final AccountSessions sessions;
    private final AccountOwnershipListener listener;
    private final Lease lease;
    private final OwnershipSettings settings;
    private volatile Thread thread;
    private double heartbeats = -1;
    private boolean suspended;
    private long validAgainSince;
    private long lastOrphanCheck = System.nanoTime();
    private boolean warnedNoMetric;

    KafkaLeaseWatch(KafkaListenerEndpointRegistry registry, AccountSessions sessions,
                    AccountOwnershipListener listener, Lease lease, OwnershipSettings settings) {
        this.registry = registry;
        this.sessions = sessions;
        this.listener = listener;
        this.lease = lease;
        this.settings = settings;
    }

    @Override
    public void start() {
        thread = Thread.ofVirtual().name("kafka-lease-watch").start(this::run);
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread != null) {
            try {
                Thread.sleep(EVERY);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("lease check failed: {}", e.toString());
            }
        }
    }

    /** First whether the lease lapsed (a paused process sees it at once), then renew it from the consumer. */
    private void check() {
        long now = System.nanoTime();
        if (!lease.valid() && !suspended) {
            suspended = true;
            log.warn("no answered Kafka heartbeat for {}: suspending every session", settings.selfFenceAfter());
            sessions.suspendAll();
        }
        MessageListenerContainer container = registry.getListenerContainer(AccountOwnershipListener.ID);
        if (container == null || !container.isRunning()) {
            return;
        }
        Map<String, Map<MetricName, ? extends Metric>> metrics = container.metrics();
        Double total = metric(metrics, "heartbeat-total");
        Double latencyMs = metric(metrics, "heartbeat-response-time-max");
        Double lastPollAgo = metric(metrics, "last-poll-seconds-ago");
        if (total == null) {
            if (!warnedNoMetric) {
                warnedNoMetric = true;
                log.warn("the consumer reports no heartbeat-total: sessions cannot fence themselves off Kafka");
            }
            return;
        }
        if (total > heartbeats) {
            boolean first = heartbeats < 0;
            heartbeats = total;
            // the answered heartbeat was sent at most one sample period plus its round trip ago
            Duration sent = EVERY.plusMillis(latencyMs == null || latencyMs.isNaN() ? 0 : latencyMs.longValue());
            if (!first) {
                lease.renew(settings.selfFenceAfter().minus(sent));
            }
        }
        if (lastPollAgo != null && lastPollAgo * 1000 > settings.maxPollSilence().toMillis()) {
            lease.revoke();
        }
        if (suspended && !lease.valid()) {
            validAgainSince = 0;
        } else if (suspended && validAgainSince == 0) {
            validAgainSince = now;
        } else if (suspended && Duration.ofNanos(now - validAgainSince).compareTo(settings.resumeAfter()) >= 0) {
            suspended = false;
            validAgainSince = 0;
            log.info("Kafka heartbeats answered again: resuming the sessions whose epoch still holds");
            sessions.resumeAll();
        }
        if (now - lastOrphanCheck > ORPHANS_EVERY.toNanos()) {
            lastOrphanCheck = now;
            listener.refuseOrphans(settings.orphanCommandsAfter());
        }
    }

    private static Double metric(Map<String, Map<MetricName, ? extends Metric>> metrics, String name) {
        for (Map<MetricName, ? extends Metric> client : metrics.values()) {
            for (Map.Entry<MetricName, ? extends Metric> m : client.entrySet()) {
                if (m.getKey().name().equals(name) && m.getValue().metricValue() instanceof Double d) {
                    return d;
                }
            }
        }
        return null;
    }
}
