package io.mailsync.support.security;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wraps the service's {@link JwtDecoder} (Boot's, with the validators of {@link TokenRulesAutoConfiguration}) in a
 * {@link CachingJwtDecoder}, in the gateway and in every service behind it (issue 18, P5). Tuned with
 * {@code mailsync.security.jwt.cache.max-size} (tokens, default 10,000) and {@code ...max-age} (default 5 minutes,
 * the longest a removed signing key keeps working for a token already seen); off with
 * {@code mailsync.security.jwt.cache.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass({JwtDecoder.class, com.github.benmanes.caffeine.cache.Caffeine.class})
@ConditionalOnProperty(name = "mailsync.security.jwt.cache.enabled", matchIfMissing = true)
public class JwtCacheAutoConfiguration {

    @Bean
    static BeanPostProcessor mailsyncJwtDecoderCache(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
                    long maxSize = environment.getProperty("mailsync.security.jwt.cache.max-size", Long.class,
                            10_000L);
                    Duration maxAge = environment.getProperty("mailsync.security.jwt.cache.max-age", Duration.class,
                            Duration.ofMinutes(5));
                    return new CachingJwtDecoder(decoder, maxSize, maxAge);
                }
                return bean;
            }
        };
    }
}
