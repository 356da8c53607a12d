package io.mailsync.gateway.config;

/**
 * Consumer groups of one gateway instance. Every instance must see every record (each keeps the whole account
 * directory and serves push for any account), so each has groups of its own: {@code gateway-push-<instance>}
 * (ADR 0001) and {@code gateway-accounts-<instance>}, plus the deployment's suffix. Offsets are never relied on:
 * the listeners seek on every assignment.
 */
public record KafkaGroups(String instance, String suffix) {

    public String accounts() {
        return "gateway-accounts-" + instance + suffix;
    }

    public String push() {
        return "gateway-push-" + instance + suffix;
    }
}
