package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.PushHub;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Push: state changes from the broker reach open event streams within a second, on every replica; a client that
 * reconnects with {@code Last-Event-ID} hears what it missed, from sync-service's changes-since cursor (issue 19).
 */
class PushIT extends SharedGateway {

    @BeforeAll
    static void accounts() {
        broker.accountRegistered("acc-p1", "p1");
        broker.accountRegistered("acc-p2", "p2");
        broker.accountRegistered("acc-p3", "p3");
        broker.accountRegistered("acc-r1", "r1");
        sync.route("/accounts/acc-r1/changes", cursor::changesSince);
    }

    /** sync-service's cursor for acc-r1, as a stand-in: the states in order, each with the message it created. */
    static final Cursor cursor = new Cursor("acc-r1");

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
    void reconnectingWithLastEventIdHearsExactlyTheChangesMissed() {
        String token = jwt.token("r1", "mail.read");
        advance("r-1", "m-1");
        Stream first = open(port, "acc-r1", token, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.has(":connected"));
        advance("r-2", "m-2");
        await().atMost(Duration.ofSeconds(2)).until(() -> first.has("id:r-2"));
        first.response().body().close(); // the client goes away

        advance("r-3", "m-3");
        advance("r-4", "m-4");
        advance("r-5", "m-5");
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.latest(AccountId.of("acc-r1")).orElse("").equals("r-5"));
        sync.clear();

        Stream resumed = open(port, "acc-r1", token, "r-2");
        // the three missed changes, in one event whose id the client can resume from
        String missed = "data:{\"accountId\":\"acc-r1\",\"oldState\":\"r-2\",\"newState\":\"r-5\","
                + "\"hasMoreChanges\":false,\"created\":[\"m-3\",\"m-4\",\"m-5\"],\"updated\":[],\"destroyed\":[]}";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(resumed.lines())
                .containsSubsequence("event:changes", "id:r-5", missed));
        assertThat(resumed.lines()).filteredOn(line -> line.startsWith("id:")).containsExactly("id:r-5");
        // asked as the caller, from the state the client last saw
        FakeService.Received asked = sync.received().stream().filter(r -> r.path().endsWith("/changes"))
                .findFirst().orElseThrow();
        assertThat(asked.query()).isEqualTo("since=r-2");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer " + token);

        advance("r-6", "m-6"); // and live changes follow the replayed ones
        await().atMost(Duration.ofSeconds(2)).until(() -> resumed.has("id:r-6"));
        assertThat(resumed.lines()).filteredOn(line -> line.startsWith("id:")).containsExactly("id:r-5", "id:r-6");
    }

    @Test
    void anUnknownOrTooOldLastEventIdAsksTheClientToResync() {
        Stream resumed = open(port, "acc-r1", jwt.token("r1", "mail.read"), "long-gone");
        await().atMost(Duration.ofSeconds(5)).until(() -> resumed.has("event:resync"));
        assertThat(resumed.lines()).anyMatch(line -> line.startsWith("data:{\"accountId\":\"acc-r1\",\"reason\":"));
        await().atMost(Duration.ofSeconds(2)).until(() -> resumed.has(":ping"));
        assertThat(resumed.lines()).noneMatch(line -> line.startsWith("id:")); // the old id stays the client's
    }

    private void advance(String state, String createdMessage) {
        cursor.advanced(state, createdMessage);
        broker.stateAdvanced("acc-r1", state);
    }

    @Autowired
    private PushHub hub;

    /** When sync-service's answer says nothing usable (here: not a changes document), the latest state stands in. */
    @Test
    void resumingWhenSyncCannotSayWhatWasMissedHearsTheLatestState() {
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

    @Test
    void anIdThatCannotBeAnAccountHasNoStreamEvenForAnAdmin() {
        // 201 characters: no AccountId (ADR 0012), so no account record names it and the gateway serves nothing
        HttpResponse<String> response = new GatewayClient(port).get("/api/v1/accounts/" + "a".repeat(201) + "/events",
                jwt.token("p1", "mail.read", "accounts.admin"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
