package io.mailsync.webhook;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.TopicReader;
import io.mailsync.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the ITs do as the rest of the system and as a customer: a real producer onto the test's topics (accounts,
 * state changes) and HTTP calls to one webhook-service with a token for its audience.
 */
final class Harness implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final TopicNames topics;
    private final WebhookInstance api;
    private final KafkaProducer<String, String> producer;

    Harness(TopicNames topics, WebhookInstance api) {
        this.topics = topics;
        this.api = api;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaKit.bootstrapServers(), "linger.ms", 0,
                "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    /** The settings of the ITs: loopback receivers allowed, plain http, short retry delays. */
    static Map<String, String> testSettings(int attempts) {
        return Map.of(
                "mailsync.webhooks.allow-http", "true",
                "mailsync.webhooks.targets.allow", "127.0.0.1",
                "mailsync.webhooks.targets.ports", "1024-65535",
                "mailsync.webhooks.delivery.attempts", String.valueOf(attempts),
                "mailsync.webhooks.delivery.first-delay", "300ms",
                "mailsync.webhooks.delivery.multiplier", "2",
                "mailsync.webhooks.delivery.max-delay", "1s",
                "mailsync.webhooks.delivery.jitter", "50ms");
    }

    @Override
    public void close() {
        producer.close();
    }

    void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    /** The records of {@code topic}'s dead-letter topic that match, once there are {@code count} of them. */
    List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count) {
        return TopicReader.await(Topics.deadLetter(topic), match, count, Duration.ofSeconds(30));
    }

    /** A customer with one account, known to webhook-service through the accounts topic. */
    String[] aCustomerWithAnAccount() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String account = "acc-" + UUID.randomUUID();
        send(topics.accounts(), account, CODEC.encode(anAccountSpec().forAccount(account).ofCustomer(customer).build()));
        return new String[] {customer, account};
    }

    /** One more account of {@code customer}; returns its id. */
    String anotherAccountOf(String customer) throws Exception {
        String account = "acc-" + UUID.randomUUID();
        send(topics.accounts(), account, CODEC.encode(anAccountSpec().forAccount(account).ofCustomer(customer).build()));
        return account;
    }

    void stateAdvanced(String account, String state) throws Exception {
        send(topics.state(), account, CODEC.encode(new AccountStateAdvanced(AccountId.of(account), state,
                Instant.now())));
    }

    String token(String customer) {
        return JwtKit.shared().tokenFor(List.of(WebhookInstance.AUDIENCE), customer, "webhooks.manage");
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> subscribe(String customer, String url, List<String> accounts) throws Exception {
        return subscribe(customer, url, accounts, List.of("account.state"));
    }

    HttpResponse<String> subscribe(String customer, String url, List<String> accounts,
                                                  List<String> events) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("url", url);
        events.forEach(body.withArray("events")::add);
        accounts.forEach(body.withArray("accounts")::add);
        return call("POST", "/api/v1/webhooks", token(customer), body.toString());
    }

    /** Subscribes once the account's owner is known (the accounts topic is read asynchronously). */
    JsonNode subscribed(String customer, String account, WebhookReceiver receiver) {
        return subscribed(customer, account, receiver, List.of("account.state"));
    }

    JsonNode subscribed(String customer, String account, WebhookReceiver receiver, List<String> events) {
        return subscribed(customer, List.of(account), receiver, events);
    }

    /** Subscribes once the accounts' owner is known; the receiver trusts the secret it is shown. */
    JsonNode subscribed(String customer, List<String> accounts, WebhookReceiver receiver, List<String> events) {
        JsonNode[] created = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = subscribe(customer, receiver.url(), accounts, events);
            created[0] = response.statusCode() == 201 ? JSON.readTree(response.body()) : null;
            return created[0] != null;
        });
        receiver.trust(created[0].path("secret").asString());
        return created[0];
    }

    JsonNode deliveries(String customer, String id) throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/webhooks/" + id + "/deliveries", token(customer), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    String statusOf(String customer, String id, String eventId) throws Exception {
        for (JsonNode entry : deliveries(customer, id)) {
            if (entry.path("eventId").asString().equals(eventId)) {
                return entry.path("status").asString() + "/" + entry.path("attempts").asInt();
            }
        }
        return "none";
    }
}
