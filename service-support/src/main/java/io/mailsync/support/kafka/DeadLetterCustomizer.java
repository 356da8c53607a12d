package io.mailsync.support.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What a service adds to the shared retry and dead-letter policy, for what only it knows: the fetcher never commits
 * past a command it has not applied (issue 15), sync-service waits out a MongoDB outage instead of dead-lettering.
 */
@FunctionalInterface
public interface DeadLetterCustomizer {

    void customize(DefaultErrorHandler handler);
}
