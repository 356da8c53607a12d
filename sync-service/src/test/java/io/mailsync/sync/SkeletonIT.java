package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The walking skeleton: register a mailbox, consume its events idempotently, list its messages. */
class SkeletonIT extends SyncIntegrationTest {

    @Test
    void registeredAccountIsPublishedWithItsPasswordEncryptedAndNeverReturned() {
        String customer = newCustomer();
        Map<String, Object> body = imapAccount(customer);
        String password = (String) body.get("password");

        ApiClient.Response created = admin().post("/api/v1/accounts", json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(password).doesNotContain("encryptedSecret");
        JsonNode account = created.body();
        assertThat(account.get("status").asString()).isEqualTo("PENDING");
        assertThat(account.get("customerId").asString()).isEqualTo(customer);
        String accountId = account.get("accountId").asString();

        ConsumerRecord<String, String> published = Broker.await(topics.accounts(),
                r -> accountId.equals(r.key()) && r.value() != null, Duration.ofSeconds(20));
        assertThat(published.value()).doesNotContain(password);
        AccountSpec spec = Broker.decode(published, AccountSpec.class).orElseThrow();
        assertThat(new SecretCipher(CRYPTO_KEY_ID, CRYPTO_KEY).decrypt(accountId, spec.encryptedSecret()))
                .isEqualTo(password);

        ApiClient owner = customer(customer);
        ApiClient.Response list = owner.get("/api/v1/accounts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains(accountId).doesNotContain(password);
        assertThat(owner.get("/api/v1/accounts/" + accountId).status()).isEqualTo(200);
    }

    @Test
    void anotherCustomersAccountIsNotFound() {
        String accountId = register(imapAccount(newCustomer()));
        ApiClient stranger = customer(newCustomer());

        ApiClient.Response account = stranger.get("/api/v1/accounts/" + accountId);
        ApiClient.Response messages = stranger.get("/api/v1/accounts/" + accountId + "/messages");

        assertThat(account.status()).isEqualTo(404);
        assertThat(account.isProblem()).isTrue();
        assertThat(messages.status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/accounts").raw()).doesNotContain(accountId);
    }

    @Test
    void anIdThatCannotBeOneNamesNothing() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        String tooLong = "a".repeat(201); // AccountId and DeviceId are 1 to 200 characters (ADR 0012)

        ApiClient.Response account = customer(customer).get("/api/v1/accounts/" + tooLong + "/messages");
        ApiClient.Response device = customer(customer).get("/api/v1/accounts/" + accountId + "/devices/" + tooLong);

        assertThat(account.status()).as(account.toString()).isEqualTo(404);
        assertThat(account.body().get("detail").asString()).isEqualTo("no account " + tooLong);
        assertThat(device.status()).as(device.toString()).isEqualTo(404);
        assertThat(device.body().get("detail").asString()).startsWith("device " + tooLong + " is not registered");
    }

    @Test
    void theSameEventTwiceStoresOneMessageAndAdvancesTheStateOnce() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        MessageArrived hello = MailEvents.imapArrived(accountId, 1, "hello", "$seen");
        MessageArrived marker = MailEvents.imapArrived(accountId, 2, "marker");

        Broker.publish(topics.events(), hello);
        Broker.publish(topics.events(), hello);
        Broker.publish(topics.events(), marker); // same key, same partition: applied after both copies

        ApiClient owner = customer(customer);
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        JsonNode page = messagesOf(owner, accountId);
        assertThat(page.get("state").asString()).isEqualTo("1-2");
        JsonNode first = page.get("messages").get(1);
        assertThat(first.get("subject").asString()).isEqualTo("hello");
        assertThat(first.get("folder").asString()).isEqualTo("INBOX");
        assertThat(first.get("messageIdHeader").asString()).isEqualTo(hello.messageIdHeader());
        assertThat(first.get("keywords").get("$seen").asBoolean()).isTrue();
        assertThat(first.get("from").get(0).asString()).isEqualTo("alice@example.test");
        assertThat(java.time.Instant.parse(first.get("sentAt").asString())).isEqualTo(hello.sentAt());
        assertThat(first.get("size").asLong()).isEqualTo(hello.size());
    }

    @Test
    void removingAnAccountPublishesATombstone() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));

        // issue 16: removing a mailbox is provisioning (accounts.admin), here as at the gateway
        assertThat(customer(customer).delete("/api/v1/accounts/" + accountId).status()).isEqualTo(403);
        ApiClient.Response removed = admin().delete("/api/v1/accounts/" + accountId);

        assertThat(removed.status()).isEqualTo(204);
        Broker.await(topics.accounts(), r -> accountId.equals(r.key()) && r.value() == null, Duration.ofSeconds(20));
        assertThat(customer(customer).get("/api/v1/accounts/" + accountId).status()).isEqualTo(404);
    }

    @Test
    void aPop3MessageIsListedInTheInbox() {
        String customer = newCustomer();
        Map<String, Object> body = imapAccount(customer);
        body.put("protocol", "POP3");
        body.put("port", 995);
        String accountId = register(body);

        Broker.publish(topics.events(), MailEvents.arrived(accountId, MessageLocator.pop3("uidl-1"), "pop"));

        eventually(() -> assertThat(messagesOf(customer(customer), accountId).get("messages")).hasSize(1));
        assertThat(messagesOf(customer(customer), accountId).get("messages").get(0).get("folder").asString())
                .isEqualTo("INBOX");
    }
}
