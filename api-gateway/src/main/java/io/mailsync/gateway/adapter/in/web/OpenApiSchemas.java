package io.mailsync.gateway.adapter.in.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the public API (ADR 0001 shapes, as sync- and quota-service write them; webhook-service's are in
 * {@link OpenApiWebhooks}).
 */
final class OpenApiSchemas {

    private OpenApiSchemas() {
    }

    static Map<String, Schema> all() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Schema<?> retention = object("POP3 retention: what stays on the server")
                .addProperty("policy", enumOf("KEEP", "DELETE_AFTER_DAYS", "DELETE_AFTER_FETCH"))
                .addProperty("days", new IntegerSchema().minimum(java.math.BigDecimal.ONE));
        schemas.put("Retention", retention);
        schemas.put("AccountRequest", object("A mailbox to register; the password is encrypted at once and never returned")
                .addProperty("customerId", string("accounts.admin only; otherwise the token's sub"))
                .addProperty("protocol", enumOf("IMAP", "POP3"))
                .addProperty("host", new StringSchema())
                .addProperty("port", new IntegerSchema().minimum(java.math.BigDecimal.ONE))
                .addProperty("security", enumOf("SSL", "STARTTLS", "NONE"))
                .addProperty("trustAnyCertificate", new BooleanSchema())
                .addProperty("username", new StringSchema())
                .addProperty("password", new StringSchema().format("password").writeOnly(true))
                .addProperty("folders", new ArraySchema().items(new StringSchema()))
                .addProperty("pollInterval", string("ISO-8601 duration, e.g. PT1M"))
                .addProperty("retention", ref("Retention"))
                .addProperty("storeBodies", new BooleanSchema())
                .addProperty("quotaLimitBytes", new IntegerSchema().format("int64"))
                .addProperty("quotaLimitMessages", new IntegerSchema().format("int64"))
                .addProperty("contactAddress", new StringSchema().format("email"))
                .addProperty("plan", string("the quota plan whose warning levels apply (mailsync.quota.plans in "
                        + "quota-service); absent or unknown: the default levels 80/90/95/100"))
                .required(List.of("protocol", "host", "port", "security", "username", "password")));
        schemas.put("Account", object("A registered mailbox and its status")
                .addProperty("accountId", new StringSchema())
                .addProperty("customerId", new StringSchema())
                .addProperty("protocol", enumOf("IMAP", "POP3"))
                .addProperty("host", new StringSchema())
                .addProperty("port", new IntegerSchema())
                .addProperty("security", enumOf("SSL", "STARTTLS", "NONE"))
                .addProperty("username", new StringSchema())
                .addProperty("folders", new ArraySchema().items(new StringSchema()))
                .addProperty("pollInterval", new StringSchema())
                .addProperty("retention", ref("Retention"))
                .addProperty("storeBodies", new BooleanSchema())
                .addProperty("plan", new StringSchema())
                .addProperty("status", string("PENDING, ACTIVE, AUTH_FAILED, UNREACHABLE, ..."))
                .addProperty("statusReason", new StringSchema())
                .addProperty("statusAt", dateTime())
                .addProperty("createdAt", dateTime()));
        schemas.put("CredentialRequest", object("A mailbox's new password; encrypted at once and never returned")
                .addProperty("password", new StringSchema()).required(List.of("password")));
        schemas.put("AccountList", object("The caller's accounts")
                .addProperty("accounts", new ArraySchema().items(ref("Account"))));
        schemas.put("DeviceRequest", object("A device of the customer").addProperty("name", new StringSchema()));
        schemas.put("Device", object("A registered device: send its id as X-Device-Id")
                .addProperty("deviceId", new StringSchema())
                .addProperty("accountId", new StringSchema())
                .addProperty("name", new StringSchema())
                .addProperty("registeredAt", dateTime()));
        schemas.put("Message", object("A message's envelope and keywords (JMAP-style map)")
                .addProperty("id", new StringSchema())
                .addProperty("folder", new StringSchema())
                .addProperty("messageIdHeader", new StringSchema())
                .addProperty("from", new ArraySchema().items(new StringSchema()))
                .addProperty("to", new ArraySchema().items(new StringSchema()))
                .addProperty("cc", new ArraySchema().items(new StringSchema()))
                .addProperty("subject", new StringSchema())
                .addProperty("sentAt", dateTime())
                .addProperty("receivedAt", dateTime())
                .addProperty("size", new IntegerSchema().format("int64"))
                .addProperty("keywords", new MapSchema().additionalProperties(new BooleanSchema())));
        schemas.put("MessagePage", object("One page of messages; follow nextCursor for the next")
                .addProperty("accountId", new StringSchema())
                .addProperty("state", string("opaque; give it to /changes?since= later"))
                .addProperty("messages", new ArraySchema().items(ref("Message")))
                .addProperty("nextCursor", new StringSchema().nullable(true)));
        schemas.put("MessageDetails", object("A message and, per device, when it was delivered and read")
                .addProperty("accountId", new StringSchema())
                .addProperty("message", ref("Message"))
                .addProperty("devices", new ArraySchema().items(object("delivery to one device")
                        .addProperty("deviceId", new StringSchema())
                        .addProperty("deliveredAt", dateTime())
                        .addProperty("readAt", dateTime()))));
        schemas.put("KeywordPatch", object("Keyword deltas: only the keywords named change")
                .addProperty("keywords", new MapSchema().additionalProperties(new BooleanSchema()))
                .addProperty("baseState", string("the state the device last synced (stale offline edits: read wins)"))
                .required(List.of("keywords")));
        schemas.put("PatchResult", object("The message after the change, and the account's new state")
                .addProperty("accountId", new StringSchema())
                .addProperty("state", new StringSchema())
                .addProperty("message", ref("Message")));
        schemas.put("Draft", object("A saved draft version: the draft's stable id, its version, the account's new state")
                .addProperty("accountId", new StringSchema())
                .addProperty("draftId", new StringSchema())
                .addProperty("version", new IntegerSchema())
                .addProperty("state", new StringSchema())
                .addProperty("message", ref("Message")));
        schemas.put("DeletedList", object("Deleted messages still restorable, and the window they are kept for")
                .addProperty("accountId", new StringSchema())
                .addProperty("window", string("ISO 8601 duration, P14D by default"))
                .addProperty("messages", new ArraySchema().items(object("a deleted message")
                        .addProperty("message", ref("Message"))
                        .addProperty("deletedAt", dateTime())
                        .addProperty("restorableUntil", dateTime()))));
        schemas.put("Changes", object("RFC 8620 §5.2: may over-report, never under-report")
                .addProperty("accountId", new StringSchema())
                .addProperty("oldState", new StringSchema())
                .addProperty("newState", new StringSchema())
                .addProperty("hasMoreChanges", new BooleanSchema())
                .addProperty("created", new ArraySchema().items(new StringSchema()))
                .addProperty("updated", new ArraySchema().items(new StringSchema()))
                .addProperty("destroyed", new ArraySchema().items(new StringSchema())));
        Schema<?> suggestion = object("a message whose deletion frees space")
                .addProperty("id", new StringSchema())
                .addProperty("folder", new StringSchema())
                .addProperty("subject", new StringSchema())
                .addProperty("from", new ArraySchema().items(new StringSchema()))
                .addProperty("receivedAt", dateTime())
                .addProperty("size", new IntegerSchema().format("int64"))
                .addProperty("frees", new IntegerSchema().format("int64"));
        schemas.put("Suggestions", object("Where the space goes, and what deleting each would free (bytes)")
                .addProperty("accountId", new StringSchema())
                .addProperty("messages", new IntegerSchema().format("int64"))
                .addProperty("bytes", new IntegerSchema().format("int64"))
                .addProperty("largest", new ArraySchema().items(suggestion))
                .addProperty("oldest", new ArraySchema().items(suggestion))
                .addProperty("folders", new ArraySchema().items(object("a folder")
                        .addProperty("folder", new StringSchema())
                        .addProperty("messages", new IntegerSchema().format("int64"))
                        .addProperty("frees", new IntegerSchema().format("int64")))));
        schemas.put("Quota", object("Usage per resource (STORAGE in bytes, MESSAGE count), level and forecast")
                .addProperty("accountId", new StringSchema())
                .addProperty("sampledAt", dateTime())
                .addProperty("resources", new MapSchema().additionalProperties(object("one resource")
                        .addProperty("used", new IntegerSchema().format("int64"))
                        .addProperty("limit", new IntegerSchema().format("int64"))
                        .addProperty("percent", new NumberSchema())
                        .addProperty("level", new IntegerSchema())
                        .addProperty("forecastFullAt", dateTime())))
                .addProperty("currentLevel", new IntegerSchema())
                .addProperty("forecastFullAt", dateTime())
                .addProperty("lastNotice", object("the last notice sent")
                        .addProperty("id", new StringSchema())
                        .addProperty("kind", enumOf("LEVEL", "FULL", "BACK_UNDER_QUOTA", "FORECAST"))
                        .addProperty("resource", new StringSchema())
                        .addProperty("level", new IntegerSchema())
                        .addProperty("percent", new NumberSchema())
                        .addProperty("sentAt", dateTime()))
                .addProperty("pendingNotices", new IntegerSchema()));
        schemas.put("Problem", object("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference")));
        schemas.putAll(OpenApiWebhooks.schemas());
        return schemas;
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static Schema<?> object(String description) {
        return new ObjectSchema().description(description);
    }

    static Schema<?> string(String description) {
        return new StringSchema().description(description);
    }

    static Schema<?> dateTime() {
        return new StringSchema().format("date-time");
    }

    static Schema<?> enumOf(String... values) {
        return new StringSchema()._enum(List.of(values));
    }
}
