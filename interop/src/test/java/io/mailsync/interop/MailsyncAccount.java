package io.mailsync.interop;

import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import io.mailsync.client.model.ChangesView;
import io.mailsync.client.model.QuotaResponse;

/**
 * A mailbox registered with the {@link RunningMailsync} and its customer's API client: what the end-to-end scenarios
 * hold to act as the customer's devices. The fields are public to the package so scenarios read like a device's calls.
 */
record MailsyncAccount(String id, ApiClient api) {

    /** Registration to first listed message: the account event travels to the fetcher, which logs in and syncs. */
    static final Duration FIRST_SYNC = Duration.ofSeconds(60);

    static MailsyncAccount imap(MailServer server, MailUser user, String pollInterval) {
        return register(imapBody(server, user, pollInterval));
    }

    static ObjectNode imapBody(MailServer server, MailUser user, String pollInterval) {
        return body(server, "IMAP", server.imapPort(), user).put("pollInterval", pollInterval);
    }

    static ObjectNode body(MailServer server, String protocol, int port, MailUser user) {
        return ApiClient.account("cust-" + UUID.randomUUID(), protocol, port, user.login(), user.password())
                .put("host", server.host());
    }

    /** Registers {@code body} (its {@code customerId} is the customer the API client acts for). */
    static MailsyncAccount register(ObjectNode body) {
        String customer = body.path("customerId").asString();
        return new MailsyncAccount(RunningMailsync.admin().register(body), RunningMailsync.customer(customer));
    }

    /** Delivers a first message and waits until mailsync lists it: the account is synced and watched. */
    String deliverAndAwaitFirstSync(MailServer server, MailUser user) {
        String header = messageId("first");
        server.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Hello first",
                "the first message"));
        await().atMost(FIRST_SYNC).until(() -> api.messageByHeader(id, header), m -> m != null);
        return header;
    }

    /** The listed message with this Message-ID header, or null. */
    JsonNode message(String header) {
        return api.messageByHeader(id, header);
    }

    /** Every listed message, as a device's first page shows it. */
    List<JsonNode> messages() {
        return api.messages(id);
    }

    /** How many times the devices list a message with this Message-ID header (1 = listed once). */
    long timesListed(String header) {
        return messages().stream().filter(m -> header.equals(m.path("messageIdHeader").asString())).count();
    }

    // issue 19: every call below goes through the client generated from the public document (testkit PublicApi)
    String state() {
        return api.state(id);
    }

    ChangesView changesSince(String state) {
        return api.changes(id, state);
    }

    /** {@code GET .../quota}; fails unless 200. */
    QuotaResponse quota() {
        return api.api().call(() -> api.api().quota.getQuota(id));
    }

    /** The body {@code /raw} serves for a listed message (RFC 822 text); fails unless 200. */
    String raw(JsonNode listed) {
        return api.rawMessage(id, listed.path("id").asString());
    }

    /** A device marks a message read ({@code PATCH keywords $seen}); fails unless 200. */
    void markRead(String deviceId, JsonNode listed) {
        api.keywords(id, listed.path("id").asString(), deviceId, Map.of("$seen", true));
    }

    static boolean seen(JsonNode listed) {
        return listed.path("keywords").path("$seen").asBoolean();
    }

    static String messageId(String what) {
        return "<" + what + "-" + UUID.randomUUID() + "@interop.test>";
    }
}
