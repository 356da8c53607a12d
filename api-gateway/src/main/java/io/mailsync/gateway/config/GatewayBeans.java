package io.mailsync.gateway.config;

import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.gateway.application.AccountDirectory;
import io.mailsync.gateway.application.CheckAccountAccess;
import io.mailsync.gateway.application.PushHub;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases and the Kafka names (ADR 0001: topic namespace, group ids with a suffix). */
@Configuration(proxyBeanMethods = false)
public class GatewayBeans {

    @Bean
    TopicNames topicNames(@Value("${mailsync.kafka.namespace:}") String namespace) {
        return new TopicNames(namespace);
    }

    @Bean
    KafkaGroups kafkaGroups(@Value("${mailsync.kafka.group-suffix:}") String suffix) {
        return new KafkaGroups(UUID.randomUUID().toString().substring(0, 8), suffix);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    AccountDirectory accountDirectory() {
        return new AccountDirectory();
    }

    @Bean
    CheckAccountAccess checkAccountAccess(AccountDirectory directory) {
        return new CheckAccountAccess(directory);
    }

    @Bean
    PushHub pushHub() {
        return new PushHub();
    }
}
