package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.Topics;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Poison records, unknown types, bad input and missing credentials: problems, never a stuck consumer or a 500. */
class FailureIT extends SyncIntegrationTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerCarriesOn() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));

        Broker.publishRaw(topics.events(), accountId, "{this is not json");
        Broker.publishRaw(topics.events(), accountId,
                "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"accountId\":\"" + accountId + "\"}");
        Broker.publishRaw(topics.events(), accountId,
                "{\"type\":\"MessageTeleported\",\"schemaVersion\":1,\"accountId\":\"" + accountId + "\"}");
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 1, "after the poison"));

        eventually(() -> assertThat(messagesOf(customer(customer), accountId).get("messages")).hasSize(1));
        List<ConsumerRecord<String, String>> dead = Broker.awaitAll(Topics.deadLetter(topics.events()),
                r -> accountId.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("{this is not json",
                        "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"accountId\":\"" + accountId + "\"}");
        assertThat(TopicReader.deadLetterReason(dead.getFirst())).contains("not JSON");
        assertThat(Broker.readAll(Topics.deadLetter(topics.events()), r -> accountId.equals(r.key())))
                .as("an unknown type is skipped, not dead-lettered").hasSize(2);
    }

    @Test
    void badRegistrationsAre400ProblemsWithAReason() {
        ApiClient admin = admin();
        List<Map<String, Object>> bodies = List.of(
                with("protocol", "SMTP"), with("protocol", null), with("port", 0), with("port", 70000),
                with("host", ""), with("username", " "), with("password", ""), with("security", "TLS1.0"),
                with("pollInterval", "soon"), with("pollInterval", "PT1S"),
                with("retention", Map.of("policy", "DELETE_AFTER_FETCH")), // an IMAP account
                with("retention", Map.of("policy", "DELETE_AFTER_DAYS")), with("contactAddress", "nobody"),
                with("quotaLimitBytes", -1), with("folders", List.of("")), with("plan", "gold plan!"));
        for (Map<String, Object> body : bodies) {
            ApiClient.Response response = admin.post("/api/v1/accounts", json(body));
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.body().get("detail").asString()).isNotBlank();
            if (!((String) body.get("password")).isEmpty()) {
                assertThat(response.raw()).doesNotContain((String) body.get("password"));
            }
        }
        assertThat(admin.send("POST", "/api/v1/accounts", "application/json", "{\"password\":\"hunter2\",").raw())
                .doesNotContain("hunter2");
        assertThat(admin.send("POST", "/api/v1/accounts", "application/json", "[]").status()).isEqualTo(400);
    }

    @Test
    void pathsTomcatRefusesBeforeSpringAreProblemsToo() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        for (String segment : List.of("%00", "%5C", "%2F", "a%5Cb", "%2F..%2F")) {
            ApiClient.Response response = customer(customer)
                    .get("/api/v1/accounts/" + accountId + "/messages/" + segment);
            assertThat(response.status()).as(segment).isEqualTo(400);
            assertThat(response.isProblem()).as(segment + ": " + response).isTrue();
            assertThat(response.body().get("status").asInt()).isEqualTo(400);
            assertThat(response.raw()).doesNotContain("Tomcat");
        }
    }

    @Test
    void theSameMailboxTwiceIsAConflict() {
        Map<String, Object> body = imapAccount(newCustomer());
        register(body);

        ApiClient.Response again = admin().post("/api/v1/accounts", json(body));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @Test
    void onlyProvisioningRegistersMailboxesAsTheGatewayAsks() {
        // issue 16: sync-service took mail.write here where the gateway asks accounts.admin
        String customer = newCustomer();
        Map<String, Object> forSomeoneElse = imapAccount(newCustomer());
        Map<String, Object> forMyself = imapAccount(customer);
        forMyself.remove("customerId");

        assertThat(customer(customer).post("/api/v1/accounts", json(forSomeoneElse)).status()).isEqualTo(403);
        assertThat(customer(customer).post("/api/v1/accounts", json(forMyself)).status()).isEqualTo(403);
        ApiClient.Response forThem = admin().post("/api/v1/accounts", json(imapAccount(customer)));
        assertThat(forThem.status()).isEqualTo(201);
        assertThat(forThem.body().get("customerId").asString()).isEqualTo(customer);
    }

    @Test
    void missingTokensAndScopesAreProblems() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));

        ApiClient.Response anonymous = new ApiClient(base(), null).get("/api/v1/accounts");
        ApiClient.Response forged = new ApiClient(base(), "not.a.jwt").get("/api/v1/accounts");
        ApiClient.Response quotaOnly = new ApiClient(base(), JWT.token(customer, "quota.read"))
                .get("/api/v1/accounts/" + accountId + "/messages");
        ApiClient.Response readOnlyWrite = new ApiClient(base(), JWT.token(customer, "mail.read"))
                .post("/api/v1/accounts/" + accountId + "/devices", json(Map.of()));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(quotaOnly.status()).isEqualTo(403);
        assertThat(quotaOnly.isProblem()).isTrue();
        assertThat(readOnlyWrite.status()).isEqualTo(403);
    }

    @Test
    void healthProbesAndMetricsAreServed() {
        ApiClient anonymous = new ApiClient("http://127.0.0.1:" + managementPort, null);

        assertThat(anonymous.get("/actuator/health/liveness").raw()).contains("UP");
        assertThat(anonymous.get("/actuator/health/readiness").raw()).contains("UP");
        Broker.publish(topics.events(), MailEvents.imapArrived(register(imapAccount(newCustomer())), 1, "counted"));
        eventually(() -> assertThat(anonymous.get("/actuator/prometheus").raw())
                .contains("mailsync_sync_events_consumed_total").contains("mailsync_sync_event_delay_seconds"));
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = imapAccount(newCustomer());
        body.put(key, value);
        return body;
    }
}
