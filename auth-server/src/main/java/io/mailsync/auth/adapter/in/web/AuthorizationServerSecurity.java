package io.mailsync.auth.adapter.in.web;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.mailsync.auth.application.port.out.SigningKeyStore;
import io.mailsync.auth.domain.IssuerSettings;
import java.text.ParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains, as Spring Authorization Server's reference setup has them: its protocol endpoints first, then
 * the customers' sign-in form for everything else. The issuer is fixed by configuration (not taken from each
 * request's host) because the services check {@code iss} against one value.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    static final String[] OPEN = {"/error", "/actuator/health", "/actuator/health/**"};

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // a browser that has not signed in is sent to the sign-in page; a program gets 401
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** {@code {noop}}, {@code {bcrypt}}, ... for client secrets and customer passwords alike. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer().toString()).build();
    }

    /** The kept key signs every token; {@code /oauth2/jwks} publishes its public half. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyStore keys) {
        try {
            return new ImmutableJWKSet<>(new JWKSet(RSAKey.parse(keys.loadOrCreate().jwkJson())));
        } catch (ParseException e) {
            // no cause: the parser's message may quote the private key
            throw new IllegalStateException("the kept signing key is not an RSA JSON Web Key");
        }
    }
}
