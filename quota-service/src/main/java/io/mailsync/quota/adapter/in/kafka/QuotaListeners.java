package io.mailsync.quota.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.WireRecord;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.quota.application.ProvisionAccount;
import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.application.RecordUsage;
import io.mailsync.quota.application.UsageSample;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Both topics, one consumer group ({@value #GROUP} + {@code mailsync.kafka.group-suffix}). Other event types and
 * types this build does not know are skipped; a record that cannot be read throws and ends in {@code .DLT}.
 */
@Component
class QuotaListeners {

    static final String GROUP = "quota";
    private static final Logger log = LoggerFactory.getLogger(QuotaListeners.class);

    private final EventCodec codec = new EventCodec();
    private final RecordUsage recordUsage;
    private final ProvisionAccount provision;

    QuotaListeners(RecordUsage recordUsage, ProvisionAccount provision) {
        this.recordUsage = recordUsage;
        this.provision = provision;
    }

    /**
     * A poll at a time: a listener per record costs each record an observation (a span, its tags), more than skipping
     * a record that is not a usage sample — and those are nearly all of the topic (an import is thousands of
     * {@code MessageArrived}: issue 18, P2). A record that fails is named to the error handler by its index: those
     * before it are committed, it alone is retried and then dead-lettered (at once if malformed), those after it are
     * polled again.
     */
    @KafkaListener(id = "quota-events", groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = "#{@topicNames.events()}", batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                onEvent(records.get(i));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, i);
            }
        }
    }

    private void onEvent(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        // only usage samples are read past their type: the other mail events are most of the topic and not this
        // service's to judge — a malformed one is sync-service's to dead-letter (issue 18, P2)
        codec.decodeOnly(record.value(), MailboxUsageSampled.class).ifPresent(s -> recordUsage.record(new UsageSample(
                s.accountId(), s.occurredAt().truncatedTo(ChronoUnit.MILLIS), s.storageUsedBytes(),
                s.storageLimitBytes(), s.messageCount(), s.messageLimit())));
    }

    @KafkaListener(id = "quota-accounts", groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = "#{@topicNames.accounts()}")
    void onAccount(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                provision.apply(tombstoned(record.key()), Optional.empty());
            }
            return;
        }
        switch (codec.decode(record.value())) {
            case EventCodec.Decoded.Known(AccountSpec spec) -> provision.apply(spec.accountId(), Optional.of(
                    new QuotaAccount(spec.accountId(), spec.customerId(), spec.contactAddress(),
                            spec.quotaLimitBytes(), spec.quotaLimitMessages(), spec.plan(), spec.grantedTo(GrantScope.READ),
                            spec.grantsOrNone().stream().map(AccountSpec.Grant::contactAddress)
                                    .filter(Objects::nonNull).toList())));
            case EventCodec.Decoded.Known(WireRecord other) ->
                    log.debug("skipping {} on the accounts topic", other.getClass().getSimpleName());
            case EventCodec.Decoded.Unknown unknown ->
                    log.debug("skipping unknown type {} v{}", unknown.type(), unknown.schemaVersion());
        }
    }

    /** A tombstone's key is the account removed; a key that is no account id is a malformed record (to the DLT). */
    private static AccountId tombstoned(String key) {
        try {
            return AccountId.of(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("tombstone key is not an account id", e);
        }
    }
}
