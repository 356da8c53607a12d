package io.mailsync.sync.config;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.mailsync.support.kafka.DeadLetterCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure handling for the events consumer: service-support's policy (ADR 0011: jittered exponential retries, then
 * {@code <topic>.DLT}; at once if malformed) — in a batch only the failed record, named by its index
 * ({@code BatchListenerFailedException}) — plus one exception: while MongoDB or the broker is unreachable the same
 * record is retried without end, so consumption pauses and nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    DeadLetterCustomizer waitOutInfrastructure() {
        return handler -> {
            // batch listener: after a failed record the handler re-seeks the rest and says so by throwing; the retry
            // listener below already logged the failure, so that is not an ERROR
            handler.setLogLevel(KafkaException.Level.WARN);
            handler.setBackOffFunction((record, failure) -> infrastructureDown(failure) ? untilBack() : null);
            handler.setRetryListeners((record, failure, attempt) -> {
                if (attempt == 1 || attempt % 20 == 0) {
                    log.warn("event at {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(),
                            record.offset(), attempt, rootMessage(failure));
                }
            });
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static ExponentialBackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2);
        backOff.setMaxInterval(10_000);
        backOff.setJitter(100);
        return backOff; // no max attempts, no max elapsed time: wait for the database to return
    }

    static boolean infrastructureDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
