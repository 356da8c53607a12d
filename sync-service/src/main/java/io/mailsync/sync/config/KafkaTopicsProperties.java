package io.mailsync.sync.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** ADR 0001: topic namespace and consumer-group suffix (both empty in production, set by tests). */
@ConfigurationProperties("mailsync.kafka")
public record KafkaTopicsProperties(@DefaultValue("") String namespace, @DefaultValue("") String groupSuffix) {
}
