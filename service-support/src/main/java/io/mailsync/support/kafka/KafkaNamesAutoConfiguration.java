package io.mailsync.support.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What a service needs to speak on Kafka (ADR 0011): the topic names and consumer groups, from
 * {@code mailsync.kafka.*}, and the wire codec of mail-events. Listeners name them as {@code #{@topicNames.events()}}
 * and {@code #{@consumerGroups.named('sync')}}; publishers take {@link TopicNames} and {@link EventCodec}.
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
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerGroups consumerGroups(MailsyncKafkaProperties properties) {
        return ConsumerGroups.withSuffix(properties.groupSuffix());
    }
}
