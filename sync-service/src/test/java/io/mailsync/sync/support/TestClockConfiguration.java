package io.mailsync.sync.support;

import io.mailsync.testkit.SettableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    SettableClock settableClock() {
        return SettableClock.systemTime();
    }
}
