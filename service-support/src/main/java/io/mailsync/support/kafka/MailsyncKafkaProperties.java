package io.mailsync.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.kafka.*}, read here for every service (ADR 0001, ADR 0011).
 *
 * @param namespace   prefix of every topic name, so several systems or tests share one cluster unseen (empty in
 *                    production)
 * @param groupSuffix appended to every consumer-group id (empty in production, set by tests and devstack)
 */
@ConfigurationProperties("mailsync.kafka")
public record MailsyncKafkaProperties(@DefaultValue("") String namespace, @DefaultValue("") String groupSuffix) {
}
