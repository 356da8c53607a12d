package io.mailsync.fetcher.support;

import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.FetcherApplication;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Fetchers started as a group, each a Spring application of its own in this JVM, on the shared broker and database:
 * one consumer group, one fetcher database (owner epochs, host slots), loopback mail servers allowed.
 */
public final class FetcherGroup {

    private FetcherGroup() {
    }

    /** Starts fetcher {@code instance}; {@code extra} properties override the defaults. */
    public static ConfigurableApplicationContext start(String instance, TopicNames topics, String database,
                                                       Map<String, String> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.web-application-type", "none");
        p.put("spring.kafka.bootstrap-servers", KafkaKit.bootstrapServers());
        p.put("spring.mongodb.uri", MongoKit.uri(database));
        p.put("mailsync.content.uri", MongoKit.uri(database + "-content"));
        p.put("mailsync.kafka.namespace", topics.namespace());
        p.put("mailsync.kafka.group-suffix", "-" + topics.namespace());
        p.put("mailsync.crypto.key-id", AccountFeed.KEY_ID);
        p.put("mailsync.crypto.key", AccountFeed.KEY);
        p.put("mailsync.fetcher.instance-id", instance);
        p.put("mailsync.fetcher.session.start-stagger", "0s");
        p.put("management.server.port", "0");
        // the test servers listen on loopback at random ports, which the mail-server guard refuses unless allowed
        p.put("mailsync.security.mail-servers.allow", TestInfrastructure.LOOPBACK);
        p.put("mailsync.security.mail-servers.ports", TestInfrastructure.ANY_PORT);
        p.putAll(extra);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return FetcherApplication.builder().run(args);
    }

    /** How many partitions of mail.accounts (ADR 0007: ownership is that topic alone) the fetcher owns now. */
    public static int assignedPartitions(ConfigurableApplicationContext fetcher) {
        MessageListenerContainer container = fetcher.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("fetcher-ownership");
        return container == null || container.getAssignedPartitions() == null ? 0
                : container.getAssignedPartitions().size();
    }
}
