package io.mailsync.auth.adapter.in.web;

import io.mailsync.auth.domain.CustomerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured customer logins for the sign-in form. A login is not the customer id: the token's {@code sub} is
 * looked up from the login when the token is made ({@link TokenClaims}).
 */
@Configuration(proxyBeanMethods = false)
class CustomerSignIn {

    @Bean
    UserDetailsService customerLogins(CustomerDirectory customers) {
        return new InMemoryUserDetailsManager(customers.all().stream()
                .map(login -> User.withUsername(login.username()).password(login.password().encoded())
                        .roles("CUSTOMER").build())
                .toList());
    }
}
