package io.mailsync.gateway;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 at the gateway: a person a mailbox is shared with passes the tenant check and holds an event stream;
 * revoked, their open streams end within a second (after one {@code revoked} event) and every route is 404 again,
 * while the owner's stream goes on.
 */
class GrantsIT extends SharedGateway {

    record Stream(HttpResponse<java.util.stream.Stream<String>> response, List<String> lines, AtomicBoolean ended) {
    }

    private Stream open(String accountId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/accounts/"
                + accountId + "/events")).header("Authorization", "Bearer " + token).build();
        HttpResponse<java.util.stream.Stream<String>> response = await().atMost(Duration.ofSeconds(20)).until(
                () -> new GatewayClient(port).http().send(request, HttpResponse.BodyHandlers.ofLines()),
                r -> r.statusCode() != 404); // until this gateway has read the grant from the broker
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            response.body().forEach(lines::add);
            ended.set(true);
        });
        return new Stream(response, lines, ended);
    }

    private int status(String path, String token) {
        return new GatewayClient(port).get(path, token).statusCode();
    }

    @Test
    void aRevokedPersonsStreamEndsAndEveryRouteIs404WithinASecond() {
        String account = "acc-g1";
        broker.accountSpec(anAccountSpec().forAccount(account).ofCustomer("g-owner")
                .sharedWith("g-bob", "bob@home.example", "read", "write").build());
        String bob = jwt.token("g-bob", "mail.read", "mail.write", "quota.read");
        Stream bobs = open(account, bob);
        Stream owners = open(account, jwt.token("g-owner", "mail.read"));
        assertThat(bobs.response().statusCode()).isEqualTo(200);
        broker.stateAdvanced(account, "g-1");
        await().atMost(Duration.ofSeconds(2)).until(() -> bobs.lines().contains("id:g-1")
                && owners.lines().contains("id:g-1"));
        assertThat(status("/api/v1/accounts/" + account + "/messages", bob)).isEqualTo(200);
        assertThat(status("/api/v1/accounts/" + account + "/messages", jwt.token("g-eve", "mail.read")))
                .isEqualTo(404);

        long revoked = System.nanoTime();
        broker.accountSpec(anAccountSpec().forAccount(account).ofCustomer("g-owner").build());

        await().atMost(Duration.ofSeconds(1)).until(bobs.ended()::get);
        System.out.printf("revocation: broker write to stream end in %d ms%n", (System.nanoTime() - revoked) / 1_000_000);
        assertThat(bobs.lines()).containsSubsequence("event:revoked", "data:{\"accountId\":\"acc-g1\"}");
        for (String route : List.of("", "/messages", "/changes?since=1-1", "/events", "/quota", "/devices/d1",
                "/grants")) {
            assertThat(status("/api/v1/accounts/" + account + route, bob)).as(route).isEqualTo(404);
        }
        broker.stateAdvanced(account, "g-2");
        await().atMost(Duration.ofSeconds(2)).until(() -> owners.lines().contains("id:g-2"));
        assertThat(owners.ended()).isFalse();
    }

    @Test
    void aGrantWithoutReadHoldsNoStream() {
        String account = "acc-g2";
        broker.accountSpec(anAccountSpec().forAccount(account).ofCustomer("g2-owner")
                .sharedWith("g2-bob", null, "write").build());
        String bob = jwt.token("g2-bob", "mail.read");

        await().atMost(Duration.ofSeconds(20)).until(() -> status("/api/v1/accounts/" + account + "/events", bob)
                != 404);

        assertThat(status("/api/v1/accounts/" + account + "/events", bob)).isEqualTo(403);
    }

    @Test
    void removingTheAccountEndsAPersonsStream() {
        String account = "acc-g3";
        broker.accountSpec(anAccountSpec().forAccount(account).ofCustomer("g3-owner")
                .sharedWith("g3-bob", null, "read").build());
        Stream bobs = open(account, jwt.token("g3-bob", "mail.read"));
        assertThat(bobs.response().statusCode()).isEqualTo(200);

        broker.accountRemoved(account);

        await().atMost(Duration.ofSeconds(1)).until(bobs.ended()::get);
    }
}
