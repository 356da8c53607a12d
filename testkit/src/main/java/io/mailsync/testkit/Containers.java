package io.mailsync.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Where a Docker engine runs and {@code MAILSYNC_TESTCONTAINERS=true}, the same tests use a real MongoDB replica
 * set and Kafka in containers. Here (no Docker) the embedded servers are used.
 */
final class Containers {

    private Containers() {
    }

    static boolean enabled() {
        return Boolean.parseBoolean(System.getenv("MAILSYNC_TESTCONTAINERS"))
                && DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource")
    static String kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    @SuppressWarnings("resource")
    static String mongo() {
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        mongo.start();
        String uri = mongo.getConnectionString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
