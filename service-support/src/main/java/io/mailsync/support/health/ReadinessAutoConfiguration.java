package io.mailsync.support.health;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health checks for the two things no mailsync service works without. The names are {@code kafka} and
 * {@code mongo}; each service's configuration puts them in its readiness group
 * ({@code management.endpoint.health.group.readiness.include}), never in liveness: a broker outage must take pods
 * out of service, not restart them all at once.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"},
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class ReadinessAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    static class Kafka {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin,
                @Value("${mailsync.health.timeout:2s}") Duration timeout) {
            return new KafkaHealthIndicator(admin.getConfigurationProperties(), new BoundedCheck(timeout));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoClient.class)
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnEnabledHealthIndicator("mongo")
    static class Mongo {

        // the bean name Boot's own MongoDB check backs off from
        @Bean
        @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
        MongoHealthIndicator mongoHealthIndicator(MongoClient client,
                @Value("${mailsync.health.timeout:2s}") Duration timeout) {
            return new MongoHealthIndicator(client, new BoundedCheck(timeout));
        }
    }
}
