package io.mailsync.gateway.config;

import io.mailsync.gateway.application.settings.CorsSettings;
import io.mailsync.gateway.application.settings.DownstreamSettings;
import io.mailsync.gateway.application.settings.PushSettings;
import io.mailsync.gateway.application.settings.RequestLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Maps {@link GatewayProperties} to the plain settings the adapters take, so the adapters never see config/
 * (STYLE.md: "map it to a settings object"; issue 21) and a bad value fails at startup with the property's name.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySettings {

    @Bean
    RequestLimits requestLimits(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        return new RequestLimits(properties.maxRequestSize().toBytes(), limit.enabled(), limit.perCustomer(),
                limit.perClient(), limit.period(), limit.bytesPerCustomer().toBytes(), limit.storeTimeout(),
                new RequestLimits.OverLimit(limit.maxDelay(), limit.maxHeldPerCustomer(), limit.maxHeld()));
    }

    @Bean
    DownstreamSettings downstreamSettings(GatewayProperties properties) {
        GatewayProperties.Downstream d = properties.downstream();
        return new DownstreamSettings(properties.syncUri(), properties.quotaUri(), properties.webhooksUri(),
                d.timeout(),
                d.failureRateThreshold(), d.slidingWindowSize(), d.minimumNumberOfCalls(), d.openFor(),
                d.maxConcurrentPerCustomer(), d.maxTrackedCustomers());
    }

    @Bean
    PushSettings pushSettings(GatewayProperties properties) {
        GatewayProperties.Push push = properties.push();
        return new PushSettings(push.pingInterval(), push.streamTimeout(), push.replay(),
                push.maxStreamsPerCustomer());
    }

    @Bean
    CorsSettings corsSettings(GatewayProperties properties) {
        return new CorsSettings(properties.cors().allowedOrigins(), properties.cors().maxAge());
    }
}
