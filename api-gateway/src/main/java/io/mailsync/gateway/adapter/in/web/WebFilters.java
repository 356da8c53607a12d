package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters outside Spring Security: the access log outermost, the body limit just before security so a
 * too-large body is refused before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /** Spring Security's filter chain runs at -100 (SecurityProperties.DEFAULT_FILTER_ORDER). */
    private static final int BEFORE_SECURITY = -110;

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(MeterRegistry meters) {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter(meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(GatewayProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxRequestSize().toBytes()));
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }
}
