package io.mailsync.devstack;

import io.mailsync.events.TopicNames;
import java.util.Objects;

/**
 * What the five services need to find each other and their infrastructure.
 *
 * @param mongoBaseUri      {@code mongodb://host:port}; each service gets a database of its own under it
 * @param databasePrefix    prefix of the service databases ({@code mailsync} in devstack, unique per test)
 * @param tokens            whom every service trusts to sign tokens
 * @param gatewayPort       0 for any free port
 */
public record SystemSettings(
        String kafkaBootstrap,
        String mongoBaseUri,
        String databasePrefix,
        TopicNames topics,
        String groupSuffix,
        String credentialKeyId,
        String credentialKey,
        TokenTrust tokens,
        String smtpHost,
        int smtpPort,
        String quotaMailFrom,
        int gatewayPort) {

    public SystemSettings {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(mongoBaseUri, "mongoBaseUri");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** As the canonical constructor, trusting the PEM public key at {@code jwtPublicKey} (tests: testkit JwtKit). */
    public SystemSettings(String kafkaBootstrap, String mongoBaseUri, String databasePrefix, TopicNames topics,
            String groupSuffix, String credentialKeyId, String credentialKey, String jwtPublicKey, String smtpHost,
            int smtpPort, String quotaMailFrom, int gatewayPort) {
        this(kafkaBootstrap, mongoBaseUri, databasePrefix, topics, groupSuffix, credentialKeyId, credentialKey,
                TokenTrust.publicKey(jwtPublicKey), smtpHost, smtpPort, quotaMailFrom, gatewayPort);
    }

    String database(String service) {
        return mongoBaseUri + "/" + databasePrefix + "-" + service;
    }

    /**
     * Who signs the tokens the services accept: an authorization server's JWK set and issuer (devstack: auth-server,
     * ADR 0010), or a fixed PEM public key with no issuer check (the test suites, which mint tokens with JwtKit).
     *
     * @param jwkSetUri         {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, or null
     * @param publicKeyLocation {@code ...jwt.public-key-location} ({@code file:...}), or null
     * @param issuer            {@code mailsync.security.jwt.issuer}, or null for no issuer check
     */
    public record TokenTrust(String jwkSetUri, String publicKeyLocation, String issuer) {

        public TokenTrust {
            if ((jwkSetUri == null) == (publicKeyLocation == null)) {
                throw new IllegalArgumentException("name either a JWK set URI or a public key location");
            }
        }

        public static TokenTrust authorizationServer(String jwkSetUri, String issuer) {
            return new TokenTrust(jwkSetUri, null, Objects.requireNonNull(issuer, "issuer"));
        }

        public static TokenTrust publicKey(String location) {
            return new TokenTrust(null, Objects.requireNonNull(location, "location"), null);
        }
    }
}
