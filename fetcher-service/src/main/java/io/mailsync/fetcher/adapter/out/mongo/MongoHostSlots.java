package io.mailsync.fetcher.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.mailsync.fetcher.application.port.out.HostSlots;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per slot of a host's budget in the fetchers' shared database ({@code host_slots}, {@code _id}
 * {@code host#index}): taking a slot is one findAndModify on a free or expired one, the compare-and-set that gives
 * each slot one holder across the group. A held slot is renewed every third of its lease; one whose renewal found it
 * taken by another, or that could not be renewed until a third of its lease was left (the database unreachable), is
 * lost and its connection cut — while the others, on their own clocks, wait for the whole lease: a clock skew of up
 * to a third of the lease is safe.
 */
@Component
class MongoHostSlots implements HostSlots {

    static final String SLOTS = "host_slots";
    private static final Logger log = LoggerFactory.getLogger(MongoHostSlots.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Terms terms;
    private final Map<String, MongoHeld> held = new ConcurrentHashMap<>();
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("host-slots-renewer").factory());

    MongoHostSlots(MongoTemplate mongo, Clock clock, Terms terms) {
        this.mongo = mongo;
        this.clock = clock;
        this.terms = terms;
        long every = terms.lease().toMillis() / 3;
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Held> take(String hostId, int size, Runnable lost) {
        prepare(hostId, size);
        Instant now = clock.instant();
        String token = terms.holder() + "/" + UUID.randomUUID();
        Criteria free = new Criteria().orOperator(where("holder").is(null), where("expiresAt").lt(Date.from(now)));
        // a slot this fetcher just gave back is left to the others' waiters for the handover (fair across fetchers)
        Criteria notJustMine = new Criteria().orOperator(where("releasedBy").ne(terms.holder()),
                where("releasedAt").lt(Date.from(now.minus(terms.handover()))));
        Query query = Query.query(new Criteria().andOperator(where("host").is(hostId), where("index").lt(size),
                free, notJustMine)).with(Sort.by("index"));
        Instant expires = now.plus(terms.lease());
        Document slot = mongo.findAndModify(query,
                new Update().set("holder", token).set("expiresAt", Date.from(expires)),
                FindAndModifyOptions.options().returnNew(true), Document.class, SLOTS);
        if (slot == null) {
            return Optional.empty();
        }
        MongoHeld lease = new MongoHeld(slot.getString("_id"), slot.get("index", Number.class).intValue(), token, lost,
                expires);
        held.put(token, lease);
        return Optional.of(lease);
    }

    @Override
    public Duration retryEvery() {
        return terms.handover().dividedBy(2);
    }

    /** Every slot of the budget exists as a document (an upsert that changes nothing once it does). */
    private void prepare(String hostId, int size) {
        if (prepared.contains(hostId + "#" + size)) {
            return;
        }
        for (int i = 0; i < size; i++) {
            mongo.upsert(Query.query(where("_id").is(hostId + "#" + i)),
                    new Update().setOnInsert("host", hostId).setOnInsert("index", i), SLOTS);
        }
        prepared.add(hostId + "#" + size);
    }

    /** Never throws: an exception would end the schedule, and with it every renewal of this fetcher. */
    private void renew() {
        try {
            renewEach();
        } catch (RuntimeException e) {
            log.warn("renewing connection slots failed: {}", e.toString());
        }
    }

    private void renewEach() {
        Instant now = clock.instant();
        for (MongoHeld lease : held.values()) {
            try {
                Instant expires = now.plus(terms.lease());
                long matched = mongo.updateFirst(Query.query(where("_id").is(lease.id).and("holder").is(lease.token)),
                        new Update().set("expiresAt", Date.from(expires)), SLOTS).getMatchedCount();
                if (matched == 0) {
                    lose(lease, "taken by another fetcher");
                } else {
                    lease.expires = expires;
                }
            } catch (RuntimeException e) {
                if (now.isAfter(lease.expires.minus(terms.lease().dividedBy(3)))) {
                    lose(lease, "not renewed in time: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    private void lose(MongoHeld lease, String why) {
        if (held.remove(lease.token) != null) {
            log.warn("connection slot {} lost ({}): its connection is cut", lease.id, why);
            lease.lost.run();
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }

    private final class MongoHeld implements Held {
        private final String id;
        private final int index;
        private final String token;
        private final Runnable lost;
        private volatile Instant expires;

        private MongoHeld(String id, int index, String token, Runnable lost, Instant expires) {
            this.id = id;
            this.index = index;
            this.token = token;
            this.lost = lost;
            this.expires = expires;
        }

        @Override
        public int index() {
            return index;
        }

        /** Given back; should the database not answer, the slot frees itself when its lease runs out. */
        @Override
        public void close() {
            if (held.remove(token) == null) {
                return;
            }
            try {
                mongo.updateFirst(Query.query(where("_id").is(id).and("holder").is(token)),
                        new Update().set("holder", null).set("releasedBy", terms.holder())
                                .set("releasedAt", Date.from(clock.instant())), SLOTS);
            } catch (RuntimeException e) {
                log.warn("connection slot {} not given back ({}): free again after its lease", id, e.toString());
            }
        }
    }
}
