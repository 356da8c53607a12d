package io.mailsync.quota.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mailsync.kafka.*} (ADR 0001): the topic namespace and the consumer-group suffix. */
@ConfigurationProperties("mailsync.kafka")
public record MailsyncKafkaProperties(@DefaultValue("") String namespace, @DefaultValue("") String groupSuffix) {
}
