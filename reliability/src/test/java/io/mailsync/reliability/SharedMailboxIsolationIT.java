package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.GrantRequest;

/**
 * R8b (issue 23): R8 for a mailbox shared with another person. With {@code read} they read it, through the gateway
 * and straight at sync-service, and can change nothing (403: they know it exists); once the owner revokes the grant,
 * within a second their open event stream has ended and every route answers 404 at both doors, as for a stranger.
 */
@Order(81)
class SharedMailboxIsolationIT {

    @Test
    @DisplayName("R8b: a read grant changes nothing; a revoked grant is 404 everywhere within a second")
    void aRevokedPersonGets404EverywhereWithinASecond() throws Exception {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("r8bowner", null);
        String header = Mail.newMessageId("r8b");
        dovecot.deliver(user, Mail.text(header, user, "shared-" + UUID.randomUUID()));
        String owner = "r8b-o-" + UUID.randomUUID();
        String bob = "r8b-b-" + UUID.randomUUID();
        String account = stack.registerImap(owner, dovecot.imapPort(), user.login(), user.password());
        ApiClient ownerApi = stack.customer(owner);
        await().atMost(Duration.ofSeconds(40)).until(() -> ownerApi.messages(account).size() == 1);
        String message = ownerApi.messages(account).getFirst().path("id").asString();
        String ownerDevice = ownerApi.registerDevice(account, "owner-phone");
        String a = "/api/v1/accounts/" + account;
        PublicApi ownerTyped = ownerApi.api();
        assertThat(ownerTyped.status(() -> ownerTyped.sharing.grantAccessWithHttpInfo(account,
                new GrantRequest().person(bob).scopes(List.of("read"))))).isEqualTo(201);

        // what bob tries is a matrix of routes sent alike to the gateway and to sync-service directly (issue 23's
        // isolation): raw on purpose, as TenantIsolationIT's; the owner's own calls go through the generated client

        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (ApiClient bobApi : List.of(stack.customer(bob), stack.customerAtSync(bob))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> bobApi.get(a + "/messages").status() == 200);
            for (String[] change : List.of(new String[] {"PATCH", a + "/messages/" + message},
                    new String[] {"POST", a + "/devices"}, new String[] {"POST", a + "/messages/" + message + "/trash"},
                    new String[] {"GET", a + "/grants"}, new String[] {"GET", a + "/audit"})) {
                tried++;
                ApiClient.Response r = change[0].equals("PATCH")
                        ? bobApi.patch(change[1], ownerDevice, "{\"keywords\":{\"$seen\":true}}")
                        : bobApi.send(change[0], change[1], "application/json", "{\"name\":\"x\"}");
                if (r.status() != 403) {
                    wrong.add("read grant: " + change[0] + " " + change[1].replace(account, "{a}") + " -> " + r.status());
                }
            }
        }
        Stream stream = open(stack.gatewayUrl() + a + "/events", JwtKit.shared().token(bob, "mail.read"));

        long revokedAt = System.nanoTime();
        assertThat(ownerTyped.status(() -> ownerTyped.sharing.revokeGrantWithHttpInfo(account, bob))).isEqualTo(204);
        await().atMost(Duration.ofSeconds(1)).until(stream.ended()::get);
        long streamEndedMs = (System.nanoTime() - revokedAt) / 1_000_000;
        for (ApiClient bobApi : List.of(stack.customer(bob), stack.customerAtSync(bob))) {
            for (String path : List.of(a, a + "/messages", a + "/messages/" + message, a + "/messages/" + message
                    + "/raw", a + "/changes?since=1-0", a + "/deleted", a + "/quota/suggestions", a + "/read-state",
                    a + "/devices/" + ownerDevice)) {
                tried++;
                int status = bobApi.get(path).status();
                if (status != 404) {
                    wrong.add("revoked: GET " + path.replace(account, "{a}") + " -> " + status);
                }
            }
            tried++;
            int patched = bobApi.patch(a + "/messages/" + message, ownerDevice, "{\"keywords\":{\"$seen\":true}}")
                    .status();
            if (patched != 404) {
                wrong.add("revoked: PATCH -> " + patched);
            }
        }
        boolean intact = !ownerApi.messages(account).getFirst().path("keywords").has("$seen");
        Outcomes.held("R8b", "a shared mailbox: read grant, then revoked (gateway + sync-service)", tried, tried, 0, 0,
                wrong.size() + (intact ? 0 : 1), "stream ended " + streamEndedMs + " ms after the revocation"
                        + (wrong.isEmpty() ? "" : "; wrong: " + wrong) + (intact ? "" : "; OWNER'S MESSAGE CHANGED"));
        assertThat(stream.lines()).contains("event:revoked");
        assertThat(wrong).isEmpty();
        assertThat(intact).as("nothing bob tried changed the owner's message").isTrue();
    }

    record Stream(List<String> lines, AtomicBoolean ended) {
    }

    /** SSE is read as a stream of lines: the generated client reads a response to its end, and this one never ends. */
    private static Stream open(String url, String token) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = await().atMost(Duration.ofSeconds(20)).until(
                () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines()),
                r -> r.statusCode() == 200);
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            response.body().forEach(lines::add);
            ended.set(true);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(":connected"));
        return new Stream(lines, ended);
    }
}
