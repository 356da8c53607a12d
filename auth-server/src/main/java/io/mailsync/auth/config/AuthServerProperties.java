package io.mailsync.auth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.auth.*}: the issuer, how long access tokens live, the customers who may sign in and the client
 * applications (ADR 0010). Secrets and passwords are written with their encoding ({@code {noop}...} in devstack, a
 * hash such as {@code {bcrypt}...} elsewhere) and never printed.
 */
@ConfigurationProperties("mailsync.auth")
public record AuthServerProperties(
        URI issuer,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue List<Customer> customers,
        @DefaultValue List<Client> clients) {

    /** A customer's sign-in: {@code username} and {@code password} on the form, {@code customerId} the token's sub. */
    public record Customer(String username, String password, String customerId) {

        @Override
        public String toString() {
            return "Customer[username=" + username + ", customerId=" + customerId + "]";
        }
    }

    /**
     * A client application. {@code secret}: a back end's (client credentials); none for a customer-facing app
     * (authorization code + PKCE). {@code customerId}: the customer a back end acts for. {@code audiences}: the
     * token's {@code aud}, by default the three API audiences.
     */
    public record Client(String id, String secret, @DefaultValue List<String> grantTypes, String customerId,
            @DefaultValue List<String> scopes, @DefaultValue List<String> audiences,
            @DefaultValue List<String> redirectUris, boolean consent) {

        @Override
        public String toString() {
            return "Client[id=" + id + ", grantTypes=" + grantTypes + ", customerId=" + customerId + "]";
        }
    }
}
