package io.mailsync.gateway.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.mailsync.testkit.MongoKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit store on a MongoDB wire server (issue 16, issue 18 P5): exact however the replicas' requests
 * interleave, and one round trip per request for a bucket only one replica writes.
 */
class MongoBucketStoreIT {

    private static final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private static final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(MongoKit.baseUri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger()).incrementAndGet();
                }
            }).build());
    private static final MongoCollection<Document> buckets =
            client.getDatabase("buckets-" + UUID.randomUUID()).getCollection(MongoBucketStore.COLLECTION);
    private static final BucketConfiguration TEN_PER_HOUR = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(10).refillIntervally(10, Duration.ofHours(1))).build();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void twoReplicasTakingTurnsOnOneBucketLetExactlyItsCapacityThrough() {
        String key = "customer:" + UUID.randomUUID();
        List<BucketProxy> replicas = List.of(replica(key), replica(key));
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            if (replicas.get(i % 2).tryConsume(1)) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void aReplicaThatAloneWritesABucketReadsItOnceNotOnEveryRequest() {
        String key = "customer:" + UUID.randomUUID();
        BucketProxy replica = replica(key);
        replica.tryConsume(1);
        int findsBefore = count("find");
        int updatesBefore = count("update");
        for (int i = 0; i < 5; i++) {
            assertThat(replica.tryConsume(1)).isTrue();
        }
        assertThat(count("find") - findsBefore).as("reads of the bucket").isZero();
        assertThat(count("update") - updatesBefore).as("conditional writes").isEqualTo(5);
    }

    @Test
    void aBucketAnotherReplicaWroteMeanwhileIsReadAgainAndStaysExact() {
        String key = "customer:" + UUID.randomUUID();
        BucketProxy first = replica(key);
        BucketProxy second = replica(key);
        assertThat(first.tryConsume(4)).isTrue();
        assertThat(second.tryConsume(4)).isTrue();
        // the first replica's copy is stale: its swap fails, it reads, and sees only 2 left
        assertThat(first.tryConsume(3)).isFalse();
        assertThat(first.tryConsume(2)).isTrue();
        assertThat(second.tryConsume(1)).isFalse();
    }

    private static BucketProxy replica(String key) {
        return new MongoBucketStore(buckets, Duration.ofSeconds(2)).builder().build(key, () -> TEN_PER_HOUR);
    }

    private static int count(String command) {
        return commands.getOrDefault(command, new AtomicInteger()).get();
    }
}
