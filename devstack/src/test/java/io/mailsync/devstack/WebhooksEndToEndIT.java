package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.ApiResponse;
import io.mailsync.client.model.DeliveryResponse;
import io.mailsync.client.model.SubscriptionRequest;
import io.mailsync.client.model.SubscriptionResponse;

/**
 * Issue 19's webhooks in the running system, through the gateway as a partner calls them: new mail in Dovecot
 * reaches the partner's receiver as a signed {@code message.arrived} that the receiver verifies; the delivery log
 * says so, and a redeliver sends the same event id again.
 */
class WebhooksEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void newMailInDovecotReachesTheSubscribersReceiverSignedAndCanBeRedelivered() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("hook", null);
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", dovecot.imapPort(), user.login(),
                user.password());
        // the fetcher watches the mailbox (IDLE) before the mail arrives
        await().atMost(WITHIN).until(() -> RunningSystem.customer(customer).status(accountId), "IDLE"::equals);
        // a partner's token: the gateway's audience and webhook-service's (ADR 0008, 0013)
        ApiClient partner = new ApiClient(RunningSystem.get().gatewayUrl(), JwtKit.shared().tokenFor(
                List.of("mailsync-api", "mailsync-webhooks"), customer, "webhooks.manage"));

        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            PublicApi hooks = partner.api();
            SubscriptionRequest subscription = new SubscriptionRequest().url(receiver.url())
                    .events(List.of("message.arrived")).accounts(List.of(accountId));
            // webhook-service learns the account's owner from mail.accounts, a moment after the registration
            PublicApi.Answer<ApiResponse<SubscriptionResponse>> created = await().atMost(WITHIN).until(
                    () -> hooks.answer(() -> hooks.webhooks.createWebhookWithHttpInfo(subscription)),
                    a -> a.status() != 400);
            assertThat(created.status()).as(created.problem()).isEqualTo(201);
            String id = created.value().getData().getId();
            receiver.trust(created.value().getData().getSecret());

            String header = "<" + UUID.randomUUID() + "@hook.test>";
            dovecot.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Hook me", "hi"));

            WebhookReceiver.Request arrived = await().atMost(WITHIN).until(() -> receiver.requests().stream()
                    .filter(r -> r.body().contains("\"message.arrived\"")).findFirst().orElse(null), r -> r != null);
            assertThat(arrived.refusal()).as("the receiver verified the signature").isEmpty();
            JsonNode body = ApiClient.JSON.readTree(arrived.body());
            assertThat(body.path("id").asString()).isEqualTo(arrived.eventId());
            assertThat(body.path("accountId").asString()).isEqualTo(accountId);
            assertThat(body.path("subscriptionId").asString()).isEqualTo(id);
            assertThat(body.path("data").path("folder").asString()).isEqualTo("INBOX");
            assertThat(arrived.body()).as("no content in an event").doesNotContain("Hook me");

            List<DeliveryResponse> log = await().atMost(WITHIN).until(
                    () -> hooks.call(() -> hooks.webhooks.listWebhookDeliveries(id)),
                    l -> l.size() == 1 && "DELIVERED".equals(l.get(0).getStatus()));
            assertThat(log.get(0).getEventId()).isEqualTo(arrived.eventId());

            // the generated client percent-encodes the event id's ':' itself
            assertThat(hooks.status(() -> hooks.webhooks.redeliverWebhookEventWithHttpInfo(id, arrived.eventId())))
                    .isEqualTo(202);
            await().atMost(WITHIN).until(() -> receiver.requests().stream()
                    .filter(r -> arrived.eventId().equals(r.eventId()) && r.refusal().isEmpty()).count() == 2);
        }
    }

    @Test
    void aMailReaderTokenCannotManageWebhooks() {
        ApiClient reader = RunningSystem.customer("cust-" + UUID.randomUUID());
        assertThat(reader.api().status(() -> reader.api().webhooks.listWebhooks())).isEqualTo(403);
    }

    @Test
    void everyTopicWebhookServiceConsumesIsOneTheSystemCreates() {
        Set<String> consumed = RunningSystem.get().context("webhook-service")
                .getBean(KafkaListenerEndpointRegistry.class).getAllListenerContainers().stream()
                .flatMap(c -> Stream.ofNullable(c.getContainerProperties().getTopics()).flatMap(Arrays::stream))
                .collect(Collectors.toSet());
        Set<String> created = KafkaKit.topics(RunningSystem.topics()).stream()
                .map(NewTopic::name).collect(Collectors.toSet());
        assertThat(consumed).isNotEmpty().isSubsetOf(created)
                .contains(RunningSystem.topics().namespace() + KafkaKit.WEBHOOK_DELIVERIES);
    }
}
