package io.mailsync.events;

import java.util.List;
import java.util.Objects;

/**
 * The topic names one deployment uses: {@link Topics}' names behind an optional namespace prefix, so that several
 * systems (or several tests) can share one Kafka cluster without seeing each other's records.
 */
public record TopicNames(String namespace) {

    public TopicNames {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException("a topic namespace uses letters, digits, '.', '_' and '-' only");
        }
    }

    public static TopicNames defaults() {
        return new TopicNames("");
    }

    public String accounts() {
        return namespace + Topics.ACCOUNTS;
    }

    public String events() {
        return namespace + Topics.EVENTS;
    }

    public String commands() {
        return namespace + Topics.COMMANDS;
    }

    public String quotaAlerts() {
        return namespace + Topics.QUOTA_ALERTS;
    }

    public String state() {
        return namespace + Topics.STATE;
    }

    public String replies() {
        return namespace + Topics.REPLIES;
    }

    public List<String> all() {
        return List.of(accounts(), events(), commands(), quotaAlerts(), state(), replies());
    }
}
