package io.mailsync.gateway.adapter.in.web;

import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.body;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.op;
import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.dateTime;
import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.enumOf;
import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.object;
import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.ref;
import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.string;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * webhook-service's operations and bodies (issue 19, ADR 0013), as its controllers answer them: subscriptions of the
 * caller (the token's {@code sub}), their secrets and delivery logs. Every one needs scope {@code webhooks.manage};
 * another customer's subscription is 404.
 */
final class OpenApiWebhooks {

    static final String SCOPE = "webhooks.manage";
    private static final String W = "/api/v1/webhooks";
    private static final String SUBSCRIPTION = """
            {"id":"wh_5f0c2a7e9b1d4c3a8e6f7a9b0c1d2e3f","url":"https://partner.example/hooks/mailsync","events":["account.state","message.arrived"],
             "accounts":["acc-1"],"createdAt":"2026-12-03T10:00:00Z"}""";
    private static final String CREATED = SUBSCRIPTION.replace("\"createdAt\"",
            "\"secret\":\"whsec_q2VtRkN0b3BzLXNlY3JldC1leGFtcGxlLW9ubHkx\",\"createdAt\"");

    private OpenApiWebhooks() {
    }

    static Map<String, PathItem> paths() {
        Map<String, PathItem> paths = new LinkedHashMap<>();
        Operation create = op("Subscribe a URL to event types of the caller's accounts (none named: all of them); the "
                + "answer holds the signing secret, shown this once. 400 for a URL that is not https or that mailsync "
                + "may not send to (loopback, private, metadata addresses), an unknown type, an account not yours",
                SCOPE, "201", "WebhookSubscription", CREATED)
                .requestBody(body("WebhookRequest", """
                        {"url":"https://partner.example/hooks/mailsync","events":["account.state","message.arrived"],
                         "accounts":["acc-1"]}"""));
        create.getResponses().get("201").addHeaderObject("Location", new Header()
                .description("the new subscription").schema(new StringSchema()).example(W + "/wh_5f0c2a7e9b1d4c3a8e6f7a9b0c1d2e3f"));
        paths.put(W, new PathItem()
                .post(create)
                .get(op("The caller's subscriptions (no secrets)", SCOPE, "200", "WebhookList",
                        "[" + SUBSCRIPTION + "]")));
        paths.put(W + "/{id}", new PathItem()
                .get(subscription(op("One subscription (no secret)", SCOPE, "200", "WebhookSubscription",
                        SUBSCRIPTION)))
                .delete(subscription(op("Unsubscribe; what is still queued for it is not sent", SCOPE, "204", null,
                        null))));
        paths.put(W + "/{id}/secret", new PathItem()
                .post(subscription(op("Rotate the signing secret: the new one is shown this once; until "
                        + "previousSecretRetiresAt both sign (Mailsync-Signature carries two v1= values)", SCOPE, "200",
                        "WebhookSubscription", CREATED.replace("}", ",\"previousSecretRetiresAt\":"
                                + "\"2026-12-04T10:00:00Z\"}")))));
        paths.put(W + "/{id}/deliveries", new PathItem()
                .get(subscription(op("The delivery log, newest first", SCOPE, "200", "WebhookDeliveries", """
                        [{"eventId":"acc-1:s42","type":"account.state","accountId":"acc-1",
                          "occurredAt":"2026-12-03T10:00:00Z","status":"PARKED","attempts":8,
                          "lastAttemptAt":"2026-12-03T10:41:00Z","lastStatusCode":503,
                          "lastError":"the receiver answered 503"}]"""))));
        paths.put(W + "/{id}/deliveries/{eventId}/redeliver", new PathItem()
                .post(subscription(op("Queue a delivery again with the same event id (parked or not)", SCOPE, "202",
                        null, null))
                        .addParametersItem(new Parameter().in("path").name("eventId").required(true)
                                .schema(new StringSchema()).example("acc-1:s42"))));
        return paths;
    }

    private static Operation subscription(Operation op) {
        op.getResponses().get("404").description("No such subscription (or another customer's)");
        return op.addParametersItem(new Parameter().in("path").name("id").required(true).schema(new StringSchema())
                .example("wh_5f0c2a7e9b1d4c3a8e6f7a9b0c1d2e3f"));
    }

    static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Schema<?> types = new ArraySchema().items(enumOf("account.state", "message.arrived", "message.keywords",
                "message.destroyed", "account.status", "quota.level"));
        schemas.put("WebhookRequest", object("A subscription to make")
                .addProperty("url", string("https (http only where the operator allows it); no user info or "
                        + "fragment; the host must be one mailsync may send to"))
                .addProperty("events", types)
                .addProperty("accounts", new ArraySchema().items(new StringSchema())
                        .description("the caller's accounts; none: all of them, present and future"))
                .required(List.of("url", "events")));
        schemas.put("WebhookSubscription", object("A subscription; secret only in the answer that made it")
                .addProperty("id", new StringSchema())
                .addProperty("url", new StringSchema())
                .addProperty("events", types)
                .addProperty("accounts", new ArraySchema().items(new StringSchema()))
                .addProperty("createdAt", dateTime())
                .addProperty("secret", string("HMAC-SHA256 key of Mailsync-Signature; shown once"))
                .addProperty("previousSecretRetiresAt", dateTime()));
        schemas.put("WebhookList", new ArraySchema().items(ref("WebhookSubscription")));
        schemas.put("WebhookDelivery", object("One event's delivery to one subscription")
                .addProperty("eventId", string("stable across retries: receivers dedupe by it"))
                .addProperty("type", new StringSchema())
                .addProperty("accountId", new StringSchema())
                .addProperty("occurredAt", dateTime())
                .addProperty("status", enumOf("QUEUED", "DELIVERED", "FAILING", "PARKED"))
                .addProperty("attempts", new IntegerSchema())
                .addProperty("lastAttemptAt", dateTime())
                .addProperty("lastStatusCode", new IntegerSchema())
                .addProperty("lastError", string("what went wrong, never the URL")));
        schemas.put("WebhookDeliveries", new ArraySchema().items(ref("WebhookDelivery")));
        return schemas;
    }
}
