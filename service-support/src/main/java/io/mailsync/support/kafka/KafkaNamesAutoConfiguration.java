package io.mailsync.support.kafka;

import io.mailsync.events.TopicNames;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The topic names and consumer groups of a service, from {@code mailsync.kafka.*} (ADR 0011). Listeners name them
 * as {@code #{@topicNames.events()}} and {@code #{@consumerGroups.named('sync')}}; publishers take {@link TopicNames}.
 */
@AutoConfiguration
@ConditionalOnClass(TopicNames.class)
@EnableConfigurationProperties(MailsyncKafkaProperties.class)
public class KafkaNamesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(MailsyncKafkaProperties properties) {
        return new TopicNames(properties.namespace());
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerGroups consumerGroups(MailsyncKafkaProperties properties) {
        return ConsumerGroups.withSuffix(properties.groupSuffix());
    }
}
