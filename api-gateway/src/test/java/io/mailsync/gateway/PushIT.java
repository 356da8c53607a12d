package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.MongoKit;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Push: state changes from the broker reach open event streams within a second, on every replica. */
class PushIT extends SharedGateway {

    @BeforeAll
    static void accounts() {
        broker.accountRegistered("acc-p1", "p1");
        broker.accountRegistered("acc-p2", "p2");
        broker.accountRegistered("acc-p3", "p3");
    }

    /** An open {@code text/event-stream}: its lines as they arrive. */
    record Stream(HttpResponse<java.util.stream.Stream<String>> response, List<String> lines,
                  Map<String, Long> firstSeenNanos) {
        boolean has(String line) {
            return lines.contains(line);
        }
    }

    Stream open(int onPort, String accountId, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + onPort + "/api/v1/accounts/" + accountId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        GatewayClient client = new GatewayClient(onPort);
        HttpResponse<java.util.stream.Stream<String>> response = await().atMost(Duration.ofSeconds(20)).until(
                () -> client.http().send(request.build(), HttpResponse.BodyHandlers.ofLines()),
                r -> r.statusCode() != 404); // until this replica has read the account from the broker
        List<String> lines = new CopyOnWriteArrayList<>();
        Map<String, Long> firstSeen = new ConcurrentHashMap<>();
        Thread.ofVirtual().start(() -> response.body().forEach(line -> {
            firstSeen.putIfAbsent(line, System.nanoTime());
            lines.add(line);
        }));
        return new Stream(response, lines, firstSeen);
    }

    @Test
    void aStateChangeArrivesWithinASecond() {
        Stream stream = open(port, "acc-p1", jwt.token("p1", "mail.read"), null);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.has(":connected"));

        long published = System.nanoTime();
        broker.stateAdvanced("acc-p1", "17");

        await().atMost(Duration.ofSeconds(1)).until(() -> stream.has("id:17"));
        System.out.printf("push: broker write to client event in %d ms%n",
                (stream.firstSeenNanos().get("id:17") - published) / 1_000_000);
        assertThat(stream.lines()).contains("event:state", "data:{\"accountId\":\"acc-p1\",\"state\":\"17\"}");
        // another account's change is not on this stream
        broker.stateAdvanced("acc-p2", "99");
        broker.stateAdvanced("acc-p1", "18");
        await().atMost(Duration.ofSeconds(1)).until(() -> stream.has("id:18"));
        assertThat(stream.lines()).doesNotContain("id:99");
    }

    @Test
    void resumingWithAnOlderLastEventIdHearsTheLatestAtOnce() {
        broker.stateAdvanced("acc-p3", "5");
        broker.stateAdvanced("acc-p3", "6");
        String token = jwt.token("p3", "mail.read");
        Stream probe = open(port, "acc-p3", token, null);
        broker.stateAdvanced("acc-p3", "7");
        await().atMost(Duration.ofSeconds(2)).until(() -> probe.has("id:7"));

        Stream resumed = open(port, "acc-p3", token, "5");
        await().atMost(Duration.ofSeconds(1)).until(() -> resumed.has("id:7"));

        Stream upToDate = open(port, "acc-p3", token, "7");
        await().atMost(Duration.ofSeconds(2)).until(() -> upToDate.has(":ping"));
        assertThat(upToDate.lines()).noneMatch(line -> line.startsWith("id:"));
    }

    @Test
    void pingsKeepTheStreamAlive() {
        Stream stream = open(port, "acc-p2", jwt.token("p2", "mail.read"), null);
        await().atMost(Duration.ofSeconds(3)).until(() -> stream.lines().stream().filter(":ping"::equals).count() >= 2);
    }

    @Test
    void everyReplicaDeliversEveryChange() {
        // arguments, not builder properties: those are defaults, below api-gateway.yml's port 8080
        ConfigurableApplicationContext second = GatewayApplication.builder().run(GatewayTestSupport.args(names,
                sync, quota, MongoKit.uriForNewDatabase("gateway")));
        try {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String token = jwt.token("p1", "mail.read");
            Stream one = open(port, "acc-p1", token, null);
            Stream two = open(secondPort, "acc-p1", token, null);
            await().atMost(Duration.ofSeconds(5)).until(() -> one.has(":connected") && two.has(":connected"));
            // the second replica joins its own group; give its assignment a moment by probing with changes
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String state = "r" + System.nanoTime();
                broker.stateAdvanced("acc-p1", state);
                return two.has("id:" + state) || two.lines().stream().anyMatch(l -> l.startsWith("id:r"));
            });

            broker.stateAdvanced("acc-p1", "both");

            await().atMost(Duration.ofSeconds(1)).until(() -> one.has("id:both") && two.has("id:both"));
        } finally {
            second.close();
        }
    }

    @Test
    void anUnknownAccountHasNoStream() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/v1/accounts/nobody/events",
                jwt.token("p1", "mail.read"));
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
