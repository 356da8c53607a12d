package io.mailsync.fetcher.adapter.in.kafka;

import io.mailsync.support.kafka.DeadLetterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared retry and dead-letter policy (service-support, ADR 0011), plus what commands need: never commit past a
 * command that is not applied yet (issue 15) — a dead-lettered record's offset is passed by the next commit of an
 * applied one ({@code CommandOffsets}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DeadLetterCustomizer commitOnlyAppliedCommands() {
        return handler -> {
            handler.setAckAfterHandle(false);
            handler.setCommitRecovered(false);
        };
    }
}
