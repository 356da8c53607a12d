package io.mailsync.gateway.adapter.in.web;

import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.account;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.body;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.deviceHeader;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.draft;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.events;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.message;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.op;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.query;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.raw;
import static io.mailsync.gateway.adapter.in.web.OpenApiOperations.rfc822;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API v1 as OpenAPI 3 (DESIGN.md "Public API"), served at {@code /v3/api-docs} and {@code /swagger-ui}.
 * Written out here rather than scanned: the operations live in the services, the gateway only routes them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    private static final String A = "/api/v1/accounts/{accountId}";
    private static final String MESSAGE = """
            {"id":"m-7f3a","folder":"INBOX","messageIdHeader":"<c0ffee@example.net>","from":["Ann <ann@example.net>"],
             "to":["bob@example.org"],"cc":[],"subject":"Lunch?","sentAt":"2026-11-26T08:00:00Z",
             "receivedAt":"2026-11-26T08:00:02Z","size":2048,"keywords":{"$seen":true}}""";
    private static final String DRAFT = "{\"accountId\":\"acc-1\",\"draftId\":\"5b0c9e0e-6c1a-4f43-9d3e-0f2a1b3c4d5e\","
            + "\"version\":2,\"state\":\"45\",\"message\":{\"id\":\"m-d2\",\"folder\":\"Drafts\","
            + "\"subject\":\"Re: Lunch?\",\"size\":512,\"keywords\":{\"$draft\":true,\"$seen\":true}}}";
    private static final String ACCOUNT = """
            {"accountId":"acc-1","customerId":"cust-42","protocol":"IMAP","host":"imap.isp.example","port":993,
             "security":"SSL","username":"bob","folders":["INBOX"],"pollInterval":"PT1M",
             "retention":{"policy":"KEEP"},"storeBodies":false,"status":"ACTIVE","createdAt":"2026-11-26T07:00:00Z"}""";

    @Bean
    OpenAPI publicApi() {
        Paths paths = new Paths()
                .addPathItem("/api/v1/accounts", new PathItem()
                        .post(op("Register a mailbox (provisioning)", "accounts.admin", "201", "Account", ACCOUNT)
                                .requestBody(body("AccountRequest", """
                                        {"customerId":"cust-42","protocol":"IMAP","host":"imap.isp.example","port":993,
                                         "security":"SSL","username":"bob","password":"secret","folders":["INBOX"],
                                         "pollInterval":"PT1M","quotaLimitBytes":1073741824,
                                         "contactAddress":"bob@isp.example"}""")))
                        .get(op("The caller's accounts with their status", null, "200", "AccountList",
                                "{\"accounts\":[" + ACCOUNT + "]}")))
                .addPathItem(A, new PathItem()
                        .get(op("One account", null, "200", "Account", ACCOUNT).addParametersItem(account()))
                        .patch(op("Replace the mailbox's password (provisioning); the fetcher logs in with it at once,"
                                + " and an AUTH_FAILED mailbox returns to work", "accounts.admin", "200", "Account",
                                ACCOUNT).addParametersItem(account())
                                .requestBody(body("CredentialRequest", "{\"password\":\"new-secret\"}")))
                        .delete(op("Remove an account (provisioning)", "accounts.admin", "204", null, null)
                                .addParametersItem(account())))
                .addPathItem(A + "/devices", new PathItem()
                        .post(op("Register a device; send its id as X-Device-Id", "mail.write", "201", "Device",
                                "{\"deviceId\":\"dev-9\",\"accountId\":\"acc-1\",\"name\":\"Bob's phone\","
                                        + "\"registeredAt\":\"2026-11-26T08:01:00Z\"}")
                                .addParametersItem(account())
                                .requestBody(body("DeviceRequest", "{\"name\":\"Bob's phone\"}"))))
                .addPathItem(A + "/messages", new PathItem()
                        .get(op("Messages, newest first, a page at a time", "mail.read", "200", "MessagePage",
                                "{\"accountId\":\"acc-1\",\"state\":\"42\",\"messages\":[" + MESSAGE
                                        + "],\"nextCursor\":\"eyJvIjoxMH0\"}")
                                .addParametersItem(account())
                                .addParametersItem(query("folder", "only this folder", "INBOX"))
                                .addParametersItem(query("limit", "page size", "50"))
                                .addParametersItem(query("cursor", "nextCursor of the previous page", "eyJvIjoxMH0"))
                                .addParametersItem(deviceHeader(false))))
                .addPathItem(A + "/messages/{messageId}", new PathItem()
                        .get(op("One message and its per-device delivery and read times", "mail.read", "200",
                                "MessageDetails", "{\"accountId\":\"acc-1\",\"message\":" + MESSAGE
                                        + ",\"devices\":[{\"deviceId\":\"dev-9\",\"deliveredAt\":"
                                        + "\"2026-11-26T08:00:03Z\",\"readAt\":\"2026-11-26T08:05:00Z\"}]}")
                                .addParametersItem(account()).addParametersItem(message()))
                        .patch(op("Change keywords ($seen, $flagged, ...) as a delta", "mail.write", "200",
                                "PatchResult", "{\"accountId\":\"acc-1\",\"state\":\"43\",\"message\":" + MESSAGE + "}")
                                .addParametersItem(account()).addParametersItem(message())
                                .addParametersItem(deviceHeader(true))
                                .requestBody(body("KeywordPatch", "{\"keywords\":{\"$seen\":true},\"baseState\":\"42\"}"))))
                .addPathItem(A + "/messages/{messageId}/raw", new PathItem()
                        .get(raw().addParametersItem(account()).addParametersItem(message())))
                .addPathItem(A + "/changes", new PathItem()
                        .get(op("What changed since a state (RFC 8620 §5.2); 410 means resync", "mail.read", "200",
                                "Changes", "{\"accountId\":\"acc-1\",\"oldState\":\"42\",\"newState\":\"45\","
                                        + "\"hasMoreChanges\":false,\"created\":[\"m-80\"],\"updated\":[\"m-7f3a\"],"
                                        + "\"destroyed\":[]}")
                                .addParametersItem(account())
                                .addParametersItem(query("since", "a state from a page, a change set or an event", "42")
                                        .required(true))
                                .addParametersItem(query("maxChanges", "at most this many ids", "500"))
                                .addParametersItem(deviceHeader(false))))
                .addPathItem(A + "/quota", new PathItem()
                        .get(op("Mailbox usage, warning level and forecast", "quota.read", "200", "Quota", """
                                {"accountId":"acc-1","sampledAt":"2026-11-26T08:00:00Z","resources":{"STORAGE":
                                 {"used":912680550,"limit":1073741824,"percent":85.0,"level":80}},"currentLevel":80,
                                 "forecastFullAt":"2026-12-10T00:00:00Z","pendingNotices":0}""")
                                .addParametersItem(account())))
                .addPathItem(A + "/quota/suggestions", new PathItem()
                        .get(op("What to delete to free space: the largest and oldest messages and the fullest folders",
                                "mail.read", "200", "Suggestions", """
                                {"accountId":"acc-1","messages":1200,"bytes":912680550,
                                 "largest":[{"id":"M1","folder":"INBOX","subject":"Holiday photos","from":["ann@example.net"],
                                   "receivedAt":"2025-07-01T10:00:00Z","size":26214400,"frees":26214400}],
                                 "oldest":[{"id":"M9","folder":"Archive","subject":"Welcome","from":["isp@example.net"],
                                   "receivedAt":"2012-01-01T10:00:00Z","size":2048,"frees":2048}],
                                 "folders":[{"folder":"INBOX","messages":900,"frees":700000000}]}""")
                                .addParametersItem(account())
                                .addParametersItem(query("limit", "how many messages per list", "10"))))
                .addPathItem(A + "/messages/{messageId}/trash", new PathItem()
                        .post(op("Move a message to the Trash every device shares (IMAP: MOVE to \\Trash)",
                                "mail.write", "200", "PatchResult", "{\"accountId\":\"acc-1\",\"state\":\"44\","
                                        + "\"message\":" + MESSAGE.replace("\"INBOX\"", "\"Trash\"") + "}")
                                .addParametersItem(account()).addParametersItem(message())
                                .addParametersItem(deviceHeader(false))))
                .addPathItem(A + "/sent", new PathItem()
                        .post(rfc822(op("File a copy of a message the device sent (IMAP: APPEND to \\Sent, \\Seen);"
                                + " 200 if that Message-ID was filed before", "mail.write", "201", "PatchResult",
                                "{\"accountId\":\"acc-1\",\"state\":\"44\",\"message\":" + MESSAGE + "}"))
                                .addParametersItem(account()).addParametersItem(deviceHeader(false))))
                .addPathItem(A + "/drafts", new PathItem()
                        .post(rfc822(op("Save a new draft (IMAP: APPEND to \\Drafts with \\Draft); answers its draftId",
                                "mail.write", "201", "Draft", DRAFT))
                                .addParametersItem(account()).addParametersItem(deviceHeader(true))))
                .addPathItem(A + "/drafts/{draftId}", new PathItem()
                        .put(rfc822(op("Replace a draft with a new version; only the device that created it"
                                + " (409 otherwise). The old version is destroyed, the new one created", "mail.write",
                                "200", "Draft", DRAFT))
                                .addParametersItem(account()).addParametersItem(draft())
                                .addParametersItem(deviceHeader(true)))
                        .delete(op("Discard a draft to Trash; only the device that created it (409 otherwise)",
                                "mail.write", "200", "PatchResult", "{\"accountId\":\"acc-1\",\"state\":\"46\","
                                        + "\"message\":" + MESSAGE + "}")
                                .addParametersItem(account()).addParametersItem(draft())
                                .addParametersItem(deviceHeader(true))))
                .addPathItem(A + "/deleted", new PathItem()
                        .get(op("Deleted messages still restorable (14 days by default), most recent first",
                                "mail.read", "200", "DeletedList", """
                                {"accountId":"acc-1","window":"P14D","messages":[{"deletedAt":"2026-11-25T10:00:00Z",
                                 "restorableUntil":"2026-12-09T10:00:00Z","message":{"id":"m-7f3a","folder":"INBOX",
                                 "subject":"Lunch?","size":2048}}]}""")
                                .addParametersItem(account())))
                .addPathItem(A + "/deleted/{messageId}/restore", new PathItem()
                        .post(op("Restore a deleted message for every device (IMAP: APPEND back); 410 after the"
                                + " window", "mail.write", "200", "PatchResult", "{\"accountId\":\"acc-1\","
                                        + "\"state\":\"47\",\"message\":" + MESSAGE + "}")
                                .addParametersItem(account()).addParametersItem(message())
                                .addParametersItem(deviceHeader(false))))
                .addPathItem(A + "/events", new PathItem().get(events().addParametersItem(account())));
        OpenApiWebhooks.paths().forEach(paths::addPathItem);
        return new OpenAPI()
                .info(new Info().title("mailsync public API").version("v1").description("""
                        One read state across a customer's devices, quota, push and webhooks, for third-party \
                        clients. \
                        Every call needs a bearer JWT whose `sub` is the customer, with `exp` and the API's \
                        audience; each operation names the scope it needs. Another customer's account answers 404. \
                        Errors are application/problem+json (RFC 9457); a path or query that is not percent-encoded \
                        UTF-8 is 400. Limits: requests per customer and per client application (429 with \
                        Retry-After; every answer carries RateLimit-Policy and RateLimit, \
                        draft-ietf-httpapi-ratelimit-headers), calls in flight per customer (429), open event \
                        streams per customer (429), request body size (413). A service that is down, or that keeps \
                        failing for this customer's calls, answers 503 with Retry-After."""))
                .components(new Components()
                        .schemas(OpenApiSchemas.all())
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("scopes (claim `scope`): mail.read, mail.write, quota.read, accounts.admin, "
                                        + "webhooks.manage")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .paths(paths);
    }
}
