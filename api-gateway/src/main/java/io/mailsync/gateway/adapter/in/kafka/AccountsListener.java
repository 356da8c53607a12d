package io.mailsync.gateway.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.gateway.application.FollowAccounts;
import io.mailsync.gateway.domain.Tenancy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/** Keeps the account directory (owners, grants) in step with the compacted accounts topic: read in full, then followed. */
@Component
class AccountsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AccountsListener.class);

    private final FollowAccounts accounts;
    private final EventCodec codec;

    AccountsListener(FollowAccounts accounts, EventCodec codec) {
        this.accounts = accounts;
        this.codec = codec;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet()); // the whole directory, on every start and rebalance
    }

    @KafkaListener(id = "gateway-accounts", topics = "#{@topicNames.accounts()}",
            // a group of this replica alone: every replica must see every record (offsets are never relied on)
            groupId = "#{@consumerGroups.perInstance('gateway-accounts')}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                accounts.apply(AccountId.of(record.key()), java.util.Optional.empty()); // tombstone: the account is gone
                return;
            }
            codec.decode(record.value(), AccountSpec.class)
                    .ifPresent(spec -> accounts.apply(spec.accountId(), java.util.Optional.of(tenancy(spec))));
        } catch (MalformedRecordException | IllegalArgumentException e) {
            // IllegalArgumentException: an account id that cannot be one (ADR 0012) names no account to route
            // sync-service owns this topic and its dead letters; the gateway only skips what it cannot read
            log.warn("skipping unreadable account record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }

    /** The owner and the grants; a grant naming no scope this build knows grants nothing. */
    private static Tenancy tenancy(AccountSpec spec) {
        Map<String, Set<GrantScope>> grants = new HashMap<>();
        for (AccountSpec.Grant grant : spec.grantsOrNone()) {
            Set<GrantScope> scopes = GrantScope.known(grant.scopes());
            if (!scopes.isEmpty()) {
                grants.put(grant.person(), scopes);
            }
        }
        return new Tenancy(spec.customerId(), grants);
    }
}
