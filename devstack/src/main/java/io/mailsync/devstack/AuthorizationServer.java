package io.mailsync.devstack;

import io.mailsync.auth.AuthServerApplication;
import io.mailsync.testkit.OAuthKit;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * devstack's authorization server (auth-server, ADR 0010) in this JVM, with the demo customers and clients of its
 * own {@code auth-server.yml}: the issuer the five services trust, on a port of its own, signing with a key kept in the
 * data folder so tokens outlive a restart. Started before the services (they fetch its JWK set on their first token).
 */
public final class AuthorizationServer implements AutoCloseable {

    public static final int DEVSTACK_PORT = 9000;
    /** devstack's demo clients, as auth-server.yml registers them (and the README's walkthrough uses them). */
    public static final String PARTNER = "demo-partner";
    public static final String PARTNER_SECRET = "demo-partner-secret";
    public static final String PROVISIONING = "demo-provisioning";
    public static final String PROVISIONING_SECRET = "demo-provisioning-secret";
    public static final String APP = "demo-app";
    public static final String APP_REDIRECT = "http://127.0.0.1:8765/callback";

    private final ConfigurableApplicationContext context;
    private final String url;

    private AuthorizationServer(ConfigurableApplicationContext context, String url) {
        this.context = context;
        this.url = url;
    }

    /** Starts it on {@code port} (its URL is its issuer, so the port is fixed before start) with the key at {@code keyFile}. */
    public static AuthorizationServer start(int port, Path keyFile) {
        String url = "http://localhost:" + port;
        ConfigurableApplicationContext context = AuthServerApplication.builder().registerShutdownHook(false).run(
                "--server.port=" + port,
                "--mailsync.auth.issuer=" + url,
                "--mailsync.auth.signing-key-file=" + keyFile.toAbsolutePath(),
                "--spring.main.banner-mode=off",
                // on devstack's shared classpath: the services' infrastructure and API security are not its own
                "--mailsync.security.api.enabled=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--spring.autoconfigure.exclude=" + String.join(",",
                        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
                        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
                        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
                        "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
                        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
                        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"));
        return new AuthorizationServer(context, url);
    }

    /** Its URL, which is also every token's {@code iss}. */
    public String url() {
        return url;
    }

    public String jwkSetUri() {
        return url + "/oauth2/jwks";
    }

    /** What the services need to trust it. */
    public SystemSettings.TokenTrust trust() {
        return SystemSettings.TokenTrust.authorizationServer(jwkSetUri(), url);
    }

    /** A token for a back end, asked for over HTTP as a partner asks for one. */
    public String clientCredentials(String clientId, String secret, String... scopes) {
        return OAuthKit.clientCredentials(url, clientId, secret, scopes);
    }

    @Override
    public void close() {
        context.close();
    }
}
