package coffer.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the token buckets live. A bucket that has refilled to the brim holds nothing worth keeping,
 * so every bucket expires once it would be full again (an idle client is forgotten, losing nothing).
 *
 * <p>In one process (SQLite, one process per file) the buckets live in a cache of at most
 * {@code maxClients} entries. When that many clients are all still refilling, a new client is told to
 * wait rather than anyone being forgotten: forgetting a client that used up its allowance would hand it
 * a full bucket, which is exactly what a flood of made-up clients would be for.
 *
 * <p>On PostgreSQL they live in {@value #TABLE} (migration V11), shared by every server process on the
 * database, and expired rows are deleted in the background.
 */
final class BucketStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);
    static final String TABLE = "rate_limit_buckets";
    private static final int DELETE_BATCH = 1_000;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;
    /** The in-memory buckets and how many clients they may hold; null on PostgreSQL. */
    private final Cache<String, RemoteBucketState> local;
    private final long maxClients;
    /** Deletes expired rows; null in memory, where the cache expires entries itself. */
    private final ExpiredEntriesCleaner cleaner;
    private final ScheduledExecutorService sweeper;

    private BucketStore(ProxyManager<String> buckets, Cache<String, RemoteBucketState> local, long maxClients,
                        ExpiredEntriesCleaner cleaner) {
        this.buckets = buckets;
        this.local = local;
        this.maxClients = maxClients;
        this.cleaner = cleaner;
        if (cleaner == null) {
            sweeper = null;
        } else {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "coffer-rate-limit-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** At most {@code maxClients} buckets in this process. */
    static BucketStore inMemory(int maxClients) {
        // Admission below keeps the count at maxClients; the cache's own bound, a little higher, only
        // catches new clients arriving at the same instant. Maintenance runs on the calling thread, so
        // expired entries are gone before the count is read.
        Caffeine<Object, Object> cache = Caffeine.newBuilder()
                .maximumSize(maxClients + Math.max(16, maxClients / 10))
                .executor(Runnable::run);
        CaffeineProxyManager<String> buckets = Bucket4jCaffeine.<String>builderFor(cache).expirationAfterWrite(untilFull()).build();
        return new BucketStore(buckets, buckets.getCache(), maxClients, null);
    }

    /** Buckets in the database's {@value #TABLE}, shared with every other process on it. */
    static BucketStore postgres(DataSource database) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(untilFull())
                .build();
        return new BucketStore(buckets, null, Long.MAX_VALUE, buckets);
    }

    private static ExpirationAfterWriteStrategy untilFull() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);
    }

    /**
     * Takes one token from the bucket of {@code key}, which holds {@code limit} while it is new.
     *
     * @return zero when the token was taken, else how long the client should wait before trying again
     */
    Duration take(String key, RateLimits.Limit limit) {
        if (local != null && !local.asMap().containsKey(key) && tracked() >= maxClients) {
            // every tracked client is still refilling; one of them is full again within one token's time
            return limit.per().dividedBy(limit.requests());
        }
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /** The bucket of {@code key}, holding {@code limit} while it is new. */
    Bucket bucket(String key, RateLimits.Limit limit) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build());
    }

    /** How many clients this process remembers now (in memory only). */
    long tracked() {
        if (local.estimatedSize() >= maxClients) {
            local.cleanUp();
        }
        return local.estimatedSize();
    }

    /** Deletes every expired bucket row now; answers how many. Nothing to do in memory. */
    int removeExpired() {
        if (cleaner == null) {
            return 0;
        }
        int total = 0;
        int removed;
        do {
            removed = cleaner.removeExpired(DELETE_BATCH);
            total += removed;
        } while (removed == DELETE_BATCH);
        return total;
    }

    private void sweep() {
        try {
            int removed = removeExpired();
            if (removed > 0) {
                log.debug("Removed {} expired rate-limit buckets", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets; trying again in {}", SWEEP_EVERY, e);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
