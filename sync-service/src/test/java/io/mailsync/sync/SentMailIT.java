package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.Origin;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sent mail on every device (issue 11): a device files what it sent; every device sees it in Sent. */
class SentMailIT extends SyncIntegrationTest {

    private static final String SENT = """
            From: Alice <alice@example.test>
            To: bob@example.test, "Carol, C." <carol@example.test>
            Subject: lunch?
            Date: Thu, 26 Nov 2026 09:00:00 +0000
            Message-ID: <%s>

            at noon
            """;

    private JsonNode postSent(String customer, String accountId, String rfc822, int expectedStatus) {
        ApiClient.Response response = customer(customer).sendAs("dev-a", "POST", "/api/v1/accounts/" + accountId
                + "/sent", "message/rfc822", rfc822);
        assertThat(response.status()).as(response.raw()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static JsonNode sentFolder(ApiClient api, String accountId) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + accountId + "/messages?folder=Sent");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("messages");
    }

    @Test
    void aPop3AccountKeepsTheSentCopyForEveryDevice() throws Exception {
        String customer = newCustomer();
        Map<String, Object> pop3 = new HashMap<>(imapAccount(customer));
        pop3.put("protocol", "POP3");
        String accountId = register(pop3);
        ApiClient deviceB = customer(customer);
        String before = messagesOf(deviceB, accountId).get("state").asString();
        String header = UUID.randomUUID() + "@example.test";

        JsonNode filed = postSent(customer, accountId, SENT.formatted(header), 201);

        String id = filed.get("message").get("id").asString();
        JsonNode sent = sentFolder(deviceB, accountId);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("id").asString()).isEqualTo(id);
        assertThat(sent.get(0).get("subject").asString()).isEqualTo("lunch?");
        assertThat(sent.get(0).get("to")).hasSize(2);
        assertThat(sent.get(0).get("keywords").get("$seen").asBoolean()).isTrue();
        assertThat(deviceB.get("/api/v1/accounts/" + accountId + "/changes?since=" + before).body().get("created")
                .toString()).contains(id);
        ApiClient.Response raw = deviceB.get("/api/v1/accounts/" + accountId + "/messages/" + id + "/raw");
        assertThat(raw.raw()).contains("Subject: lunch?\r\n").contains("at noon");
        // a retry of the same message files nothing new
        postSent(customer, accountId, SENT.formatted(header), 200);
        assertThat(sentFolder(deviceB, accountId)).hasSize(1);
        assertThat(Broker.readAll(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("AppendMessage"))).isEmpty();
    }

    @Test
    void anImapAccountAppendsToTheServersSentFolderAndTheCopyKeepsTheId() throws Exception {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient deviceB = customer(customer);
        String header = UUID.randomUUID() + "@example.test";

        JsonNode filed = postSent(customer, accountId, SENT.formatted(header), 201);

        String id = filed.get("message").get("id").asString();
        long size = filed.get("message").get("size").asLong();
        AppendMessage append = Broker.decode(Broker.await(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("AppendMessage"), Duration.ofSeconds(20)), AppendMessage.class).orElseThrow();
        assertThat(append.specialUse()).isEqualTo("\\Sent");
        assertThat(append.folder()).isEqualTo("Sent");
        assertThat(append.flags()).containsExactly("$seen");
        assertThat(append.size()).isEqualTo(size);
        assertThat(append.messageIdHeader()).isEqualTo("<" + header + ">");
        assertThat(append.origin()).isEqualTo(Origin.device("dev-a"));
        assertThat(sentFolder(deviceB, accountId)).hasSize(1);

        // the fetcher APPENDed it; the server's copy arrives in the Sent folder it found
        Broker.publish(topics.events(), aMessageArrived().forAccount(accountId).inFolder("Sent").withUidValidity(42)
                .withUid(7).withMessageIdHeader("<" + header + ">").from("Alice <alice@example.test>")
                .withSubject("lunch?").withSize(size).withFlags("$seen").build());
        Broker.publish(topics.events(), aMessageArrived().forAccount(accountId).inFolder("Sent").withUidValidity(42)
                .withUid(8).withMessageIdHeader("<marker@test>").from().to().withSubject("marker").withSize(10)
                .build());

        eventually(() -> assertThat(sentFolder(deviceB, accountId)).hasSize(2));
        assertThat(sentFolder(deviceB, accountId).toString()).contains(id);
    }
}
