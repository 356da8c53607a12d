package io.mailsync.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What P8 ({@link FirstSync}) collects per registration, in ms from the POST (or the delivery), and its figures. */
final class P8Samples {

    final List<Double> listed = Collections.synchronizedList(new ArrayList<>());
    final List<Double> baseline = Collections.synchronizedList(new ArrayList<>());
    final List<Double> registered = Collections.synchronizedList(new ArrayList<>());
    final List<Double> specOnKafka = Collections.synchronizedList(new ArrayList<>());
    final List<Double> firstArrived = Collections.synchronizedList(new ArrayList<>());
    final List<Double> connecting = Collections.synchronizedList(new ArrayList<>());
    final List<Double> watching = Collections.synchronizedList(new ArrayList<>());
    final List<Double> claimed = Collections.synchronizedList(new ArrayList<>());
    final List<Double> connected = Collections.synchronizedList(new ArrayList<>());
    final List<Double> newMail = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger timeouts = new AtomicInteger();

    List<Figure> figures(int registrations, int withNewMail, Duration spacing) {
        Stats s = Stats.of(this.listed);
        Stats b = Stats.of(this.baseline);
        Stats reg = Stats.of(this.registered);
        Stats spec = Stats.of(this.specOnKafka);
        Stats arrived = Stats.of(this.firstArrived);
        Stats connecting = Stats.of(this.connecting);
        Stats watching = Stats.of(this.watching);
        Stats claimed = Stats.of(this.claimed);
        Stats connected = Stats.of(this.connected);
        Stats fresh = Stats.of(this.newMail);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrations", s.count());
        details.put("spacing_ms", spacing.toMillis());
        details.put("timeouts", timeouts.get());
        s.putInto(details, "");
        details.put("baseline_p50_ms", b.p50());
        details.put("baseline_p99_ms", b.p99());
        details.put("post_answered_p50_ms", reg.p50());
        details.put("spec_on_kafka_p50_ms", spec.p50());
        details.put("fetcher_session_opened_p50_ms", watching.p50());
        details.put("fetcher_session_opened_p99_ms", watching.p99());
        details.put("owner_epoch_taken_p50_ms", claimed.p50());
        details.put("owner_epoch_taken_p99_ms", claimed.p99());
        details.put("status_connecting_on_kafka_p50_ms", connecting.p50());
        details.put("status_connected_on_kafka_p50_ms", connected.p50());
        details.put("first_message_arrived_on_kafka_p50_ms", arrived.p50());
        details.put("first_message_arrived_on_kafka_p99_ms", arrived.p99());
        details.put("new_mail_p50_ms", fresh.p50());
        details.put("new_mail_p99_ms", fresh.p99());
        details.put("new_mail_max_ms", fresh.max());
        String note = String.format("listed after p50 %.0f / p99 %.0f / max %.0f ms over %d registrations %d ms apart "
                        + "(%d timed out after %d s); bare login+SELECT+FETCH p50 %.0f / p99 %.0f ms; POST answered "
                        + "p50 %.0f ms; the fetcher opened the session after p50 %.0f / p99 %.0f ms, which took its owner "
                        + "epoch (after its start stagger) after p50 %.0f / p99 %.0f ms; on Kafka after p50: AccountSpec "
                        + "%.0f ms, the session's CONNECTING %.0f ms and "
                        + "CONNECTED %.0f ms, the first MessageArrived %.0f ms (p99 %.0f ms); listing polled every 5 ms "
                        + "(25 ms after 0.5 s, 100 ms after 3 s)",
                s.p50(), s.p99(), s.max(), s.count(), spacing.toMillis(), timeouts.get(),
                FirstSync.TIMEOUT.toSeconds(),
                b.p50(), b.p99(), reg.p50(), watching.p50(), watching.p99(), claimed.p50(), claimed.p99(), spec.p50(),
                connecting.p50(), connected.p50(), arrived.p50(),
                arrived.p99());
        String newNote = String.format("a mail delivered (doveadm save) right after its mailbox's registration was "
                + "answered, until listed: p50 %.0f / p99 %.0f / max %.0f ms over %d registrations", fresh.p50(),
                fresh.p99(), fresh.max(), fresh.count());
        return List.of(
                new Figure("P8", "registered mailbox -> its existing mail listed via API, p99 (n=" + s.count() + ")",
                        "ms", s.p99(), b.p99(), "bare login + SELECT + FETCH of the same mailbox", s.p99() / b.p99(),
                        FirstSync.TARGET, s.count() >= registrations && timeouts.get() == 0 && s.p99() <= 120,
                        note,
                        details),
                new Figure("P8.new", "mail delivered right after registration -> listed, p99 (n=" + fresh.count()
                        + ")", "ms", fresh.p99(), Double.NaN, "", Double.NaN, "reported (issue 18)", null, newNote,
                        new LinkedHashMap<>()));
    }
}
