package io.mailsync.webhook;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One webhook-service started as a deployment starts it ({@link WebhookApplication#builder()}), on test infrastructure. */
final class WebhookInstance implements AutoCloseable {

    static final String AUDIENCE = "mailsync-webhooks";
    final ConfigurableApplicationContext context;

    private WebhookInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static WebhookInstance start(TopicNames topics, String mongoUri, Map<String, String> extra) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "management.server.port=0",
                "spring.kafka.bootstrap-servers=" + KafkaKit.bootstrapServers(),
                "spring.mongodb.uri=" + mongoUri,
                "mailsync.kafka.namespace=" + topics.namespace(),
                "mailsync.kafka.group-suffix=-" + topics.namespace(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location=" + JwtKit.shared().publicKeyLocation(),
                "mailsync.crypto.key-id=it",
                "mailsync.crypto.key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "spring.kafka.consumer.properties.session.timeout.ms=10000",
                "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "spring.main.banner-mode=off"));
        // a property given twice on the command line would read as both values joined: extra replaces the default
        extra.forEach((k, v) -> {
            props.removeIf(p -> p.startsWith(k + "="));
            props.add(k + "=" + v);
        });
        return new WebhookInstance(WebhookApplication.builder()
                .initializers(new DocumentedStatuses.Recording()) // issue 19: statuses held against the document
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Partitions of {@code listener}'s topics this instance is consuming now. */
    int assignedPartitions(String listener) {
        var container = context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
                .getListenerContainer(listener);
        return container == null || container.getAssignedPartitions() == null ? 0
                : container.getAssignedPartitions().size();
    }

    @Override
    public void close() {
        context.close();
    }
}
