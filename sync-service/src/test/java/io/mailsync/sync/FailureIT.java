package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.Topics;
import io.mailsync.sync.support.Api;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
        Header reason = dead.getFirst().headers().lastHeader("kafka_dlt-exception-message");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not JSON");
        assertThat(Broker.readAll(Topics.deadLetter(topics.events()), r -> accountId.equals(r.key())))
                .as("an unknown type is skipped, not dead-lettered").hasSize(2);
    }

    @Test
    void badRegistrationsAre400ProblemsWithAReason() {
        Api admin = admin();
        List<Map<String, Object>> bodies = List.of(
                with("protocol", "SMTP"), with("protocol", null), with("port", 0), with("port", 70000),
                with("host", ""), with("username", " "), with("password", ""), with("security", "TLS1.0"),
                with("pollInterval", "soon"), with("pollInterval", "PT1S"),
                with("retention", Map.of("policy", "DELETE_AFTER_FETCH")), // an IMAP account
                with("retention", Map.of("policy", "DELETE_AFTER_DAYS")), with("contactAddress", "nobody"),
                with("quotaLimitBytes", -1), with("folders", List.of("")), with("plan", "gold plan!"));
        for (Map<String, Object> body : bodies) {
            Api.Response response = admin.post("/api/v1/accounts", body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asString()).isNotBlank();
            if (!((String) body.get("password")).isEmpty()) {
                assertThat(response.body()).doesNotContain((String) body.get("password"));
            }
        }
        assertThat(admin.post("/api/v1/accounts", "{\"password\":\"hunter2\",").body()).doesNotContain("hunter2");
        assertThat(admin.post("/api/v1/accounts", "[]").status()).isEqualTo(400);
    }

    @Test
    void pathsTomcatRefusesBeforeSpringAreProblemsToo() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        for (String segment : List.of("%00", "%5C", "%2F", "a%5Cb", "%2F..%2F")) {
            Api.Response response = customer(customer).get("/api/v1/accounts/" + accountId + "/messages/" + segment);
            assertThat(response.status()).as(segment).isEqualTo(400);
            assertThat(response.isProblem()).as(segment + ": " + response).isTrue();
            assertThat(response.json().get("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat");
        }
    }

    @Test
    void theSameMailboxTwiceIsAConflict() {
        Map<String, Object> body = imapAccount(newCustomer());
        register(body);

        Api.Response again = admin().post("/api/v1/accounts", body);

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

        assertThat(customer(customer).post("/api/v1/accounts", forSomeoneElse).status()).isEqualTo(403);
        assertThat(customer(customer).post("/api/v1/accounts", forMyself).status()).isEqualTo(403);
        Api.Response forThem = admin().post("/api/v1/accounts", imapAccount(customer));
        assertThat(forThem.status()).isEqualTo(201);
        assertThat(forThem.json().get("customerId").asString()).isEqualTo(customer);
    }

    @Test
    void missingTokensAndScopesAreProblems() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));

        Api.Response anonymous = new Api(port, null).get("/api/v1/accounts");
        Api.Response forged = new Api(port, "not.a.jwt").get("/api/v1/accounts");
        Api.Response quotaOnly = new Api(port, JWT.token(customer, "quota.read"))
                .get("/api/v1/accounts/" + accountId + "/messages");
        Api.Response readOnlyWrite = new Api(port, JWT.token(customer, "mail.read"))
                .post("/api/v1/accounts/" + accountId + "/devices", Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(quotaOnly.status()).isEqualTo(403);
        assertThat(quotaOnly.isProblem()).isTrue();
        assertThat(readOnlyWrite.status()).isEqualTo(403);
    }

    @Test
    void healthProbesAndMetricsAreServed() {
        Api anonymous = new Api(managementPort, null);

        assertThat(anonymous.get("/actuator/health/liveness").body()).contains("UP");
        assertThat(anonymous.get("/actuator/health/readiness").body()).contains("UP");
        Broker.publish(topics.events(), MailEvents.imapArrived(register(imapAccount(newCustomer())), 1, "counted"));
        eventually(() -> assertThat(anonymous.get("/actuator/prometheus").body())
                .contains("mailsync_sync_events_consumed_total").contains("mailsync_sync_event_delay_seconds"));
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = imapAccount(newCustomer());
        body.put(key, value);
        return body;
    }
}
