package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.ChangesView;

/**
 * P1: a message delivered to Dovecot ({@code doveadm save}) until {@code GET /changes} through the gateway shows it,
 * beside a bare IMAP client IDLEing on the same mailbox and timed from the same delivery. Deliveries start at least
 * {@link #SPACING} apart (quiet mail, issue 18); p99 and max are each held against the baseline's.
 */
final class PushLatency {

    static final String TARGET = "p99 <= 1.2 x baseline";
    static final String TARGET_MAX = "max <= 1.5 x baseline max";
    /** Quiet deliveries: each starts at least this long after the one before. */
    static final Duration SPACING = Duration.ofSeconds(1);
    /** /changes is polled this often: ~80 requests/s stays under the gateway's 100/s per client. */
    private static final Duration POLL = Duration.ofMillis(12);

    private PushLatency() {
    }

    static java.util.List<Figure> run(Stack stack, int deliveries, Duration budget) throws Exception {
        MailUser user = stack.dovecot.newUser("p1", null);
        Announced announced = new Announced(stack.kafka, stack.topics);
        String customer = "p1-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, user.login(),
                user.password());
        ApiClient api = stack.customer(customer);
        long deadline = System.nanoTime() + budget.toNanos();
        List<Double> system = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();
        try (IdleClient bare = new IdleClient("127.0.0.1", stack.dovecot.imapPort(), user.login(), user.password())) {
            String state = api.state(accountId);
            // warm-up: the fetcher's session is up and IDLE once the first message went all the way through
            state = deliverAndAwait(stack, user, api, accountId, state, 0, Duration.ofSeconds(60)).state;
            bare.awaitExists(1);
            Pacer pacer = new Pacer(SPACING);
            for (int i = 1; i <= deliveries && System.nanoTime() < deadline; i++) {
                long sent = pacer.awaitNext();
                sentAt.add(sent);
                Seen seen = deliverAndAwait(stack, user, api, accountId, state, i, Duration.ofSeconds(30));
                state = seen.state;
                Long bareAt = bare.awaitExists(i + 1);
                system.add(Stats.ms(seen.at - sent));
                baseline.add(bareAt == null ? Double.NaN : Stats.ms(bareAt - sent));
            }
        }
        announced.close(accountId, 0);
        List<Double> toKafka = new ArrayList<>();
        for (int i = 0; i < sentAt.size(); i++) {
            Long at = announced.at(accountId, i + 1); // 0 is the warm-up message
            if (at != null) {
                toKafka.add(Stats.ms(at - sentAt.get(i)));
            }
        }
        Stats k = Stats.of(toKafka);
        Stats s = Stats.of(system);
        Stats b = Stats.of(baseline.stream().filter(d -> !d.isNaN()).toList());
        double ratio = s.p99() / b.p99();
        double maxRatio = s.max() / b.max();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deliveries", s.count());
        s.putInto(details, "");
        b.putInto(details, "baseline_");
        details.put("poll_interval_ms", POLL.toMillis());
        details.put("spacing_ms", SPACING.toMillis());
        details.put("max_ratio", maxRatio);
        details.put("on_kafka_p50_ms", k.p50());
        details.put("on_kafka_p99_ms", k.p99());
        String note = String.format("mailsync p50 %.0f / p99 %.0f / max %.0f ms; bare IDLE p50 %.0f / p99 %.0f / max %.0f ms; "
                + "n=%d deliveries >= %d ms apart; /changes polled every %d ms; the fetcher's MessageArrived was on Kafka "
                + "after p50 %.0f / p99 %.0f / max %.0f ms", s.p50(), s.p99(), s.max(), b.p50(), b.p99(), b.max(),
                s.count(), SPACING.toMillis(), POLL.toMillis(), k.p50(), k.p99(), k.max());
        boolean enough = s.count() >= deliveries;
        return java.util.List.of(
                new Figure("P1", "push latency p99 (doveadm save -> /changes via gateway, n=" + s.count() + ")", "ms",
                        s.p99(), b.p99(), "bare Angus IDLE client, same mailbox", ratio, TARGET,
                        enough && ratio <= 1.2, note, details),
                new Figure("P1.max", "push latency max (same deliveries)", "ms", s.max(), b.max(),
                        "bare IDLE client's max", maxRatio, TARGET_MAX, enough && maxRatio <= 1.5, "",
                        new LinkedHashMap<>()));
    }

    private record Seen(long at, String state) {
    }

    private static Seen deliverAndAwait(Stack stack, MailUser user, ApiClient api, String accountId, String since, int i,
                                        Duration within) throws InterruptedException {
        stack.dovecot.deliver(user, MailText.withMessageId("<p1-" + i + "-" + UUID.randomUUID() + "@bench.test>",
                "Ann Sender <ann@sender.test>", user.address(), "P1 #" + i, "push latency probe " + i));
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            PublicApi.Answer<ChangesView> r = api.api().answerOnce(
                    () -> api.api().messages.getChanges(accountId, since, null, null));
            long at = System.nanoTime();
            if (r.ok()) {
                if (!r.value().getCreated().isEmpty()) {
                    return new Seen(at, r.value().getNewState());
                }
            } else if (r.status() != 429) {
                throw new IllegalStateException("/changes answered " + r.status() + ": " + r.problem());
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException("delivery " + i + " not visible at /changes within " + within);
    }
}
