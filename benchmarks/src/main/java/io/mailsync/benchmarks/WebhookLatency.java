package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.SubscriptionRequest;
import io.mailsync.client.model.SubscriptionResponse;

/**
 * P10 (issue 19): a message delivered to Dovecot ({@code doveadm save}) until a partner's receiver has a signed
 * {@code message.arrived} delivery that verifies, subscribed through the gateway as a partner does; beside a bare IMAP
 * client IDLEing on the same mailbox, timed from the same delivery. Deliveries start at least a second apart.
 */
final class WebhookLatency {

    static final String TARGET = "p99 <= 2 s";
    private static final Duration SPACING = Duration.ofSeconds(1);
    private static final long TARGET_MS = 2_000;

    private WebhookLatency() {
    }

    static Figure run(Stack stack, int deliveries, Duration budget) throws Exception {
        MailUser user = stack.dovecot.newUser("p9", null);
        String customer = "p9-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, user.login(), user.password());
        ApiClient partner = new ApiClient(stack.system.gatewayUrl(), JwtKit.shared().tokenFor(
                List.of("mailsync-api", "mailsync-webhooks"), customer, "webhooks.manage"));
        List<Double> system = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        int unverified;
        try (WebhookReceiver receiver = WebhookReceiver.up();
             IdleClient bare = new IdleClient("127.0.0.1", stack.dovecot.imapPort(), user.login(), user.password())) {
            subscribe(partner, receiver, accountId);
            // warm-up: the fetcher's session is IDLE and webhook-service delivers once the first one went through
            deliver(stack, user, 0);
            awaitDeliveries(receiver, 1, Duration.ofSeconds(60));
            bare.awaitExists(1);
            long deadline = System.nanoTime() + budget.toNanos();
            Pacer pacer = new Pacer(SPACING);
            for (int i = 1; i <= deliveries && System.nanoTime() < deadline; i++) {
                long sent = pacer.awaitNext();
                deliver(stack, user, i);
                WebhookReceiver.Request delivered = awaitDeliveries(receiver, i + 1, Duration.ofSeconds(30));
                Long bareAt = bare.awaitExists(i + 1);
                system.add(Stats.ms(delivered.receivedAtNanos() - sent));
                baseline.add(bareAt == null ? Double.NaN : Stats.ms(bareAt - sent));
            }
            unverified = (int) receiver.requests().stream().filter(r -> r.refusal().isPresent()).count();
        }
        Stats s = Stats.of(system);
        Stats b = Stats.of(baseline.stream().filter(d -> !d.isNaN()).toList());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deliveries", s.count());
        s.putInto(details, "");
        b.putInto(details, "baseline_");
        details.put("unverified", unverified);
        String note = String.format("webhook p50 %.0f / p99 %.0f / max %.0f ms; bare IDLE p50 %.0f / p99 %.0f ms; "
                + "n=%d deliveries >= %d ms apart; %d deliveries that did not verify", s.p50(), s.p99(), s.max(),
                b.p50(), b.p99(), s.count(), SPACING.toMillis(), unverified);
        boolean met = s.count() >= deliveries && unverified == 0 && s.p99() <= TARGET_MS;
        return new Figure("P10", "webhook delivery p99 (doveadm save -> signed message.arrived at a receiver, n="
                + s.count() + ")", "ms", s.p99(), b.p99(), "bare Angus IDLE client, same mailbox", s.p99() / b.p99(),
                TARGET, met, note, details);
    }

    /** Subscribes as a partner; webhook-service learns the account's owner from mail.accounts a moment later. */
    private static void subscribe(ApiClient partner, WebhookReceiver receiver, String accountId)
            throws InterruptedException {
        SubscriptionRequest subscription = new SubscriptionRequest().url(receiver.url())
                .events(List.of("message.arrived")).accounts(List.of(accountId));
        PublicApi api = partner.api();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        PublicApi.Answer<SubscriptionResponse> created = api.answer(() -> api.webhooks.createWebhook(subscription));
        while (created.status() == 400 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            created = api.answer(() -> api.webhooks.createWebhook(subscription));
        }
        if (!created.ok()) {
            throw new IllegalStateException("subscribing answered " + created.status() + ": " + created.problem());
        }
        receiver.trust(created.value().getSecret());
    }

    private static void deliver(Stack stack, MailUser user, int i) {
        stack.dovecot.deliver(user, MailText.withMessageId("<p9-" + i + "-" + UUID.randomUUID() + "@bench.test>",
                "Ann Sender <ann@sender.test>", user.address(), "P10 #" + i, "webhook latency probe " + i));
    }

    /** The {@code n}th message.arrived delivery (1-based), polled every millisecond. */
    private static WebhookReceiver.Request awaitDeliveries(WebhookReceiver receiver, int n, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            // at-least-once: a redelivery of an event already received is not the next one
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<WebhookReceiver.Request> arrived = receiver.requests().stream()
                    .filter(r -> r.body().contains("\"message.arrived\"") && seen.add(r.eventId())).toList();
            if (arrived.size() >= n) {
                return arrived.get(n - 1);
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("webhook delivery " + n + " not received within " + within);
    }
}
