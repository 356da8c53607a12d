package io.mailsync.quota;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.SettableClock;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One quota-service started the way devstack starts it ({@link QuotaApplication#builder()}), on test infrastructure. */
final class QuotaInstance implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final SettableClock clock;

    private QuotaInstance(ConfigurableApplicationContext context, SettableClock clock) {
        this.context = context;
        this.clock = clock;
    }

    /** Real time a test can move, in millisecond ticks: what MongoDB stores, so a stored instant reads back equal. */
    static SettableClock newClock() {
        return SettableClock.systemTime().ticking(ChronoUnit.MILLIS);
    }

    /**
     * @param topics    the test class's namespace (its group suffix too)
     * @param mongoUri  the database, shared by instances that play replicas
     */
    static QuotaInstance start(TopicNames topics, String mongoUri, int smtpPort, SettableClock clock,
                               Map<String, String> extra) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + KafkaKit.bootstrapServers(),
                "spring.mongodb.uri=" + mongoUri,
                "mailsync.kafka.namespace=" + topics.namespace(),
                "mailsync.kafka.group-suffix=-" + topics.namespace(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=" + JwtKit.shared().publicKeyLocation(),
                "mailsync.quota.delivery.poll=PT0.3S",
                "mailsync.quota.delivery.retry-first=PT0.5S",
                "mailsync.quota.delivery.retry-max=PT2S",
                "mailsync.quota.reconcile-interval=PT1H",
                "spring.kafka.consumer.properties.session.timeout.ms=10000",
                "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "spring.main.banner-mode=off"));
        extra.forEach((k, v) -> props.add(k + "=" + v));
        ConfigurableApplicationContext context = QuotaApplication.builder()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock))
                .initializers(new DocumentedStatuses.Recording()) // issue 19: statuses held against the document
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new)); // args outrank quota-service.yml
        return new QuotaInstance(context, clock);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Waits until this instance knows the account. In production accounts exist long before their first sample;
     * a test that publishes both at once must not let the samples overtake the account on the other topic.
     */
    void awaitAccount(String accountId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> bean(io.mailsync.quota.application.port.out.AccountStore.class).find(AccountId.of(accountId))
                        .isPresent());
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Health and metrics answer on a port of their own (issue 17). */
    int managementPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        context.close();
    }
}
