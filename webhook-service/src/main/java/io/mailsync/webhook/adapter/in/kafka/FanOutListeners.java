package io.mailsync.webhook.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.WireRecord;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.webhook.application.FanOut;
import io.mailsync.webhook.application.TrackAccountOwners;
import io.mailsync.webhook.domain.AccountEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * One shared group ({@value #GROUP}) for mail.state, mail.events, quota.alerts and mail.accounts (the owners):
 * however many replicas run, each event is fanned out once (ADR 0013). Types
 * this build does not know, and records of other types, are skipped; a record that cannot be read goes to the DLT.
 */
@Component
class FanOutListeners {

    static final String GROUP = "webhooks-fanout";

    private final EventCodec codec = new EventCodec();
    private final FanOut fanOut;
    private final TrackAccountOwners owners;

    FanOutListeners(FanOut fanOut, TrackAccountOwners owners) {
        this.fanOut = fanOut;
        this.owners = owners;
    }

    @KafkaListener(id = "webhooks-state", groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = "#{@topicNames.state()}")
    void onState(ConsumerRecord<String, String> record) {
        if (record.value() != null && codec.decode(record.value()) instanceof EventCodec.Decoded.Known(
                AccountStateAdvanced advanced)) {
            FanOut.Pass pass = fanOut.pass();
            pass.fanOut(AccountEvent.stateChanged(accountId(advanced.accountId().value()), advanced.state(),
                    advanced.occurredAt()));
            pass.awaitQueued();
        }
    }

    /**
     * New mail, keywords, expunges and account status from mail.events; quota levels from quota.alerts. A poll at a
     * time, so that its events share their lookups ({@link FanOut#pass()}): an import is thousands of one account's
     * events. Both topics are keyed by account, and a record of an account no holder of which has a subscription is
     * not read past its key — that is most accounts; whether it is malformed is then for the services that read it
     * (sync-service, quota-service) to say. A record that fails is named to the error handler by its index: those
     * before it are committed, it alone is retried and then dead-lettered (at once if malformed), and those after it
     * are polled again.
     */
    @KafkaListener(id = "webhooks-events", groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = {"#{@topicNames.events()}", "#{@topicNames.quotaAlerts()}"}, batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        FanOut.Pass pass = fanOut.pass();
        List<Integer> fannedOut = new ArrayList<>(); // the record index of each event fanned out, in order
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                if (record.value() != null && listened(pass, record.key())) {
                    Optional<AccountEvent> event = event(record);
                    if (event.isPresent()) {
                        fannedOut.add(i);
                        pass.fanOut(event.get());
                    }
                }
            } catch (RuntimeException failed) {
                awaitQueued(pass, fannedOut); // the records before it are committed: their deliveries must be queued
                throw new BatchListenerFailedException(failed.getMessage(), failed, i);
            }
        }
        awaitQueued(pass, fannedOut);
    }

    /** Deliveries travel to the queue a poll at a time; a record whose deliveries were not taken is named by index. */
    private static void awaitQueued(FanOut.Pass pass, List<Integer> fannedOut) {
        try {
            pass.awaitQueued();
        } catch (FanOut.NotQueued failed) {
            throw new BatchListenerFailedException(failed.getMessage(), failed, fannedOut.get(failed.event()));
        }
    }

    /** A record without an account for its key is read whole, as before keys were looked at. */
    private static boolean listened(FanOut.Pass pass, String key) {
        if (key == null) {
            return true;
        }
        try {
            return pass.anyoneListensTo(AccountId.of(key));
        } catch (IllegalArgumentException notAnAccount) {
            return true;
        }
    }

    private Optional<AccountEvent> event(ConsumerRecord<String, String> record) {
        if (codec.decode(record.value()) instanceof EventCodec.Decoded.Known(
                WireRecord known)) {
            try {
                return AccountEvents.of(known);
            } catch (IllegalArgumentException e) {
                throw new MalformedRecordException("not an account id", e);
            }
        }
        return Optional.empty();
    }

    @KafkaListener(id = "webhooks-accounts", groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = "#{@topicNames.accounts()}")
    void onAccount(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                owners.apply(accountId(record.key()), Optional.empty(), java.util.Set.of());
            }
            return;
        }
        if (codec.decode(record.value()) instanceof EventCodec.Decoded.Known(AccountSpec spec)) {
            // issue 23: people it is shared with to read; a grant without read delivers nothing
            owners.apply(accountId(spec.accountId().value()), Optional.of(spec.customerId()),
                    spec.grantedTo(GrantScope.READ));
        }
    }

    private static AccountId accountId(String raw) {
        try {
            return AccountId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("not an account id", e);
        }
    }
}
