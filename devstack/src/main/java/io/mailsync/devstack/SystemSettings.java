package io.mailsync.devstack;

import io.mailsync.events.TopicNames;
import java.util.Objects;

/**
 * What the four services need to find each other and their infrastructure.
 *
 * @param mongoBaseUri      {@code mongodb://host:port}; each service gets a database of its own under it
 * @param databasePrefix    prefix of the service databases ({@code mailsync} in devstack, unique per test)
 * @param jwtPublicKey      {@code file:} location of the PEM key every service verifies tokens with
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
        String jwtPublicKey,
        String smtpHost,
        int smtpPort,
        String quotaMailFrom,
        int gatewayPort) {

    public SystemSettings {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(mongoBaseUri, "mongoBaseUri");
        Objects.requireNonNull(topics, "topics");
    }

    String database(String service) {
        return mongoBaseUri + "/" + databasePrefix + "-" + service;
    }
}
