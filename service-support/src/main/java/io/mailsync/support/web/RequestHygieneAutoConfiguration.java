package io.mailsync.support.web;

import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP service refuses a path or query that is not percent-encoded UTF-8 with 400 before anything else reads
 * it ({@link RequestHygieneFilter}; issue 16).
 */
@AutoConfiguration
@ConditionalOnClass({Filter.class, OncePerRequestFilter.class, FilterRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestHygieneAutoConfiguration {

    /** Inside an access log (which should still see the 400), outside security, body parsing and routing. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 55;

    @Bean
    FilterRegistrationBean<RequestHygieneFilter> mailsyncRequestHygieneFilter() {
        FilterRegistrationBean<RequestHygieneFilter> registration =
                new FilterRegistrationBean<>(new RequestHygieneFilter());
        registration.setOrder(ORDER);
        return registration;
    }
}
