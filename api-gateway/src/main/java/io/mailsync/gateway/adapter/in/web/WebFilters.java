package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.application.settings.RequestLimits;
import io.mailsync.support.web.RequestHygieneAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The servlet filters outside Spring Security: the access log outermost, then the closing of answers cut off
 * mid-stream, then the limit for malformed requests, then the body limit, so a too-large or unacceptable body is
 * refused before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /** Right after the access log: before Spring's and the gateway's form filters could parse a body. */
    private static final int BEFORE_ANY_BODY_PARSING = Ordered.HIGHEST_PRECEDENCE + 60;

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(MeterRegistry meters) {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter(meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    /** Inside the access log (which records the cut-off answer's status), around everything else. */
    @Bean
    FilterRegistrationBean<CutOffAnswers> cutOffAnswers() {
        FilterRegistrationBean<CutOffAnswers> registration = new FilterRegistrationBean<>(new CutOffAnswers());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 51);
        return registration;
    }

    /** Just before the request-line check that answers 400 before authentication (service-support). */
    @Bean
    FilterRegistrationBean<MalformedRequestLimit> malformedRequestLimit(JwtDecoder tokens,
            RateLimitAdmission admission) {
        FilterRegistrationBean<MalformedRequestLimit> registration =
                new FilterRegistrationBean<>(new MalformedRequestLimit(tokens, admission));
        registration.setOrder(RequestHygieneAutoConfiguration.ORDER - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RequestLimits limits) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(limits.maxRequestBytes()));
        registration.setOrder(BEFORE_ANY_BODY_PARSING);
        return registration;
    }
}
