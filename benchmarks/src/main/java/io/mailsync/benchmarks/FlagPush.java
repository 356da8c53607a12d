package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.ChangesView;

/**
 * P6: another IMAP client sets {@code \Flagged} on a message ({@code UID STORE +FLAGS.SILENT}), until
 * {@code GET /changes} through the gateway lists the message as updated — beside a bare client IDLEing on the same
 * mailbox, timed from the same STORE until its {@code * n FETCH (FLAGS ...)}. Changes start at least
 * {@link #SPACING} apart, each on another message.
 */
final class FlagPush {

    static final String TARGET = "p99 <= 1.1 x baseline";
    static final Duration SPACING = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(12);

    private FlagPush() {
    }

    static Figure run(Stack stack, int changes, Duration budget) throws Exception {
        MailUser user = stack.dovecot.newUser("p6", null);
        List<String> ids = DovecotFiles.fill(stack.dovecot, user, changes + 1, "p6");
        Announced tap = new Announced(stack.kafka, stack.topics);
        String customer = "p6-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, user.login(), user.password());
        ApiClient api = stack.customer(customer);
        Map<String, String> apiIds = Listing.awaitAll(api, accountId, changes + 1, Duration.ofSeconds(60));
        long deadline = System.nanoTime() + budget.toNanos();
        List<Double> system = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> onKafka = new ArrayList<>();
        List<Double> applied = new ArrayList<>();
        List<Double> produced = new ArrayList<>();
        int missed = 0;
        try (BareImap other = new BareImap(stack.dovecot.imapPort(), user);
             IdleClient bare = new IdleClient("127.0.0.1", stack.dovecot.imapPort(), user.login(), user.password())) {
            Map<String, BareImap.Entry> index = other.index();
            String state = api.state(accountId);
            // warm-up: the first change goes all the way through before anything is timed
            BareImap.Entry first = index.get(ids.getFirst());
            other.store(first.uid(), "\\Flagged", true);
            state = awaitUpdated(api, accountId, state, apiIds.get(ids.getFirst()), Duration.ofSeconds(60)).state();
            Pacer pacer = new Pacer(SPACING);
            for (int i = 1; i <= changes && System.nanoTime() < deadline; i++) {
                pacer.awaitNext();
                BareImap.Entry target = index.get(ids.get(i));
                long sent = System.nanoTime();
                long sentWall = System.currentTimeMillis();
                other.store(target.uid(), "\\Flagged", true);
                Seen seen = awaitUpdated(api, accountId, state, apiIds.get(ids.get(i)), Duration.ofSeconds(30));
                if (seen == null) {
                    missed++;
                    system.add(30_000.0); // a change never seen counts as the wait: p99 must not hide it
                    state = api.state(accountId);
                } else {
                    state = seen.state();
                    system.add(Stats.ms(seen.at() - sent));
                }
                Long bareAt = bare.awaitFlagged(target.number());
                if (bareAt != null) {
                    baseline.add(Stats.ms(bareAt - sent));
                }
                Long sentAt = tap.flagsChangedSent(accountId, target.uid());
                if (sentAt != null) {
                    produced.add((double) (sentAt - sentWall));
                }
                Long kafkaAt = tap.flagsChanged(accountId, target.uid());
                if (kafkaAt != null) {
                    onKafka.add(Stats.ms(kafkaAt - sent));
                    Long appliedAt = tap.stateAfter(accountId, kafkaAt);
                    if (appliedAt != null) {
                        applied.add(Stats.ms(appliedAt - sent));
                    }
                }
            }
        } finally {
            tap.close();
        }
        Stats s = Stats.of(system);
        Stats b = Stats.of(baseline);
        Stats k = Stats.of(onKafka);
        Stats a = Stats.of(applied);
        Stats pr = Stats.of(produced);
        double ratio = s.p99() / b.p99();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changes", s.count());
        details.put("missed", missed);
        s.putInto(details, "");
        b.putInto(details, "baseline_");
        details.put("sent_p50_ms", pr.p50());
        details.put("sent_p99_ms", pr.p99());
        details.put("on_kafka_p50_ms", k.p50());
        details.put("on_kafka_p99_ms", k.p99());
        details.put("applied_p50_ms", a.p50());
        details.put("applied_p99_ms", a.p99());
        String note = String.format("mailsync p50 %.0f / p99 %.0f / max %.0f ms; bare IDLE p50 %.0f / p99 %.0f / max %.0f ms; "
                        + "n=%d changes >= %d ms apart (%d never seen); /changes polled every %d ms; the fetcher sent "
                        + "its MessageFlagsChanged after p50 %.0f / p99 %.0f ms (the record's timestamp, ms), the tap "
                        + "read it after p50 %.0f / p99 %.0f ms, sync-service's next AccountStateAdvanced after p50 "
                        + "%.0f / p99 %.0f ms", s.p50(), s.p99(), s.max(), b.p50(), b.p99(), b.max(), s.count(),
                SPACING.toMillis(), missed, POLL.toMillis(), pr.p50(), pr.p99(), k.p50(), k.p99(), a.p50(), a.p99());
        return new Figure("P6", "another client's flag -> /changes via gateway, p99 (n=" + s.count() + ")", "ms",
                s.p99(), b.p99(), "bare IDLE client's FETCH of the same change", ratio, TARGET,
                missed == 0 && s.count() >= changes && ratio <= 1.1, note, details);
    }

    private record Seen(long at, String state) {
    }

    /** Polls {@code /changes} until {@code messageId} is among the updated; null after {@code within}. */
    private static Seen awaitUpdated(ApiClient api, String accountId, String since, String messageId, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String state = since;
        while (System.nanoTime() < deadline) {
            String after = state;
            PublicApi.Answer<ChangesView> r = api.api().answerOnce(
                    () -> api.api().messages.getChanges(accountId, after, null, null));
            long at = System.nanoTime();
            if (r.ok()) {
                state = r.value().getNewState();
                if (r.value().getUpdated().contains(messageId)) {
                    return new Seen(at, state);
                }
                if (Boolean.TRUE.equals(r.value().getHasMoreChanges())) {
                    continue;
                }
            } else if (r.status() != 429) {
                throw new IllegalStateException("/changes answered " + r.status() + ": " + r.problem());
            }
            Thread.sleep(POLL);
        }
        return null;
    }
}
