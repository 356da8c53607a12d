package io.mailsync.gateway.adapter.out.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.mailsync.gateway.application.settings.RequestLimits;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's token buckets in MongoDB, shared by every gateway replica (issue 16: limits lived in each replica's
 * memory). Bucket4j does the token arithmetic and the compare-and-swap loop; this adapter stores the state:
 * one document per bucket ({@code _id} = key, {@code state} = Bucket4j's bytes, {@code v} = a version the swap is
 * conditional on, {@code expiresAt} = when a full refill makes it worthless). Only what both a replica set and the
 * wire server do: {@code insertOne} against the unique {@code _id}, {@code updateOne} filtered on the version.
 * Bucket4j's own {@code bucket4j_jdk17-mongodb-sync} module is not published to Maven Central (8.19.0); when it
 * is, it can replace this class.
 */
@Component
class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    private static final Logger log = LoggerFactory.getLogger(MongoBucketStore.class);
    static final String COLLECTION = "rate_limit_buckets";

    private final MongoCollection<Document> buckets;
    private final ExpirationAfterWriteStrategy expiry;
    private final Cache<String, Known> known;
    /** Buckets another replica wrote since this one last did: read from the store for a while. */
    private final Cache<String, Boolean> contended;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gateway-bucket-cleaner").daemon().factory());

    @Autowired
    MongoBucketStore(MongoClient client, @Value("${spring.mongodb.uri:}") String uri, RequestLimits limits) {
        this(client.getDatabase(database(uri)).getCollection(COLLECTION), limits.storeTimeout());
    }

    /** The database named in {@code spring.mongodb.uri}, else the gateway's own. */
    private static String database(String uri) {
        String named = uri.isBlank() ? null : new ConnectionString(uri).getDatabase();
        return named == null ? "mailsync-gateway" : named;
    }

    MongoBucketStore(MongoCollection<Document> buckets, Duration timeout) {
        this(buckets, timeout, ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
    }

    private MongoBucketStore(MongoCollection<Document> buckets, Duration timeout, ExpirationAfterWriteStrategy expiry) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry).withRequestTimeout(timeout)
                .withMaxRetries(20));
        this.buckets = buckets;
        this.expiry = expiry;
        // a bucket unused this long has been refilled (or removed) in the store anyway
        this.known = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(1)).build();
        this.contended = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(30)).build();
        // off the start path: a store that does not answer must not hold up the gateway's start
        cleaner.execute(this::createExpiryIndex);
        cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
    }

    private void createExpiryIndex() {
        try {
            // a real replica set expires them; the wire server keeps them, so removeExpired removes them too
            buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            log.info("no TTL index on {} ({}); expired buckets are removed every minute", COLLECTION, e.toString());
        }
    }

    /**
     * A bucket's state as this replica last read or wrote it. The swap is conditional on the version, so a state
     * another replica has changed since only costs a failed swap, after which Bucket4j asks again and the store is
     * read: exact as before, and one round trip instead of two per request while no other replica writes the bucket
     * (issue 18, P5: the two round trips were the gateway's largest cost per request). A bucket that other replicas
     * write too (a client application's, a customer whose requests the load balancer spreads) — or that this replica's
     * own concurrent requests race for — is read every time for a while after such a miss, so it never costs more
     * than the read and the swap it cost before.
     */
    private record Known(long version, byte[] state) {
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            private long version;
            private boolean fromCache;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Known cached = contended.getIfPresent(key) == null ? known.getIfPresent(key) : null;
                fromCache = cached != null;
                if (cached != null) {
                    version = cached.version();
                    return Optional.of(cached.state());
                }
                Document doc = buckets.find(Filters.eq("_id", key)).maxTime(timeoutMillis(timeoutNanos),
                        TimeUnit.MILLISECONDS).first();
                if (doc == null) {
                    version = 0;
                    return Optional.empty();
                }
                version = doc.getLong("v");
                byte[] state = doc.get("state", Binary.class).getData();
                known.put(key, new Known(version, state));
                return Optional.of(state);
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                Date expiresAt = new Date(System.currentTimeMillis()
                        + expiry.calculateTimeToLiveMillis(newState, currentTimeNanos()));
                if (original == null) {
                    try {
                        buckets.insertOne(new Document("_id", key).append("v", 1L).append("state", new Binary(updated))
                                .append("expiresAt", expiresAt));
                        known.put(key, new Known(1L, updated));
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            return false; // another replica created it first: read it and try again
                        }
                        throw e;
                    }
                }
                boolean swapped = buckets.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("v", version)),
                        Updates.combine(Updates.set("state", new Binary(updated)), Updates.set("v", version + 1),
                                Updates.set("expiresAt", expiresAt))).getMatchedCount() == 1;
                if (swapped) {
                    known.put(key, new Known(version + 1, updated));
                } else {
                    known.invalidate(key); // another replica wrote it (or it expired): read it on the retry
                    if (fromCache) {
                        contended.put(key, Boolean.TRUE);
                    }
                }
                return swapped;
            }
        };
    }

    private static long timeoutMillis(Optional<Long> timeoutNanos) {
        return timeoutNanos.map(TimeUnit.NANOSECONDS::toMillis).orElse(0L);
    }

    void removeExpired() {
        try {
            buckets.deleteMany(Filters.lt("expiresAt", new Date()));
        } catch (RuntimeException e) {
            log.debug("expired buckets not removed this time: {}", e.toString());
        }
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the gateway uses the blocking API on virtual threads");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("the gateway uses the blocking API on virtual threads");
    }

    @Override
    public void removeProxy(String key) {
        known.invalidate(key);
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @PreDestroy
    void stop() {
        cleaner.shutdownNow();
    }
}
