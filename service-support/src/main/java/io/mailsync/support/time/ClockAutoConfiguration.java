package io.mailsync.support.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock use cases read the time from (ADR 0011): UTC. A service that needs another (quota-service keeps
 * millisecond ticks, what MongoDB stores) and a test that moves time (testkit's {@code SettableClock}) declare their
 * own, and this one steps aside.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
