package io.mailsync.gateway.adapter.in.web;

import static io.mailsync.gateway.adapter.in.web.OpenApiSchemas.ref;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts {@link OpenApiDocument}'s operations are made of: every operation's scope and problem+json errors
 * (RFC 9457), its parameters, its JSON or message/rfc822 bodies with examples.
 */
final class OpenApiOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiOperations() {
    }

    static Operation op(String summary, String scope, String status, String schema, String example) {
        ApiResponse ok = new ApiResponse().description(status.equals("204") ? "done" : "OK");
        if (schema != null) {
            ok.content(json("application/json", schema, example));
        }
        Operation op = new Operation().summary(summary)
                .description(scope == null ? "Needs any valid token." : "Needs scope `" + scope + "`.")
                .responses(errors(new ApiResponses().addApiResponse(status, ok)));
        op.addExtension("x-required-scope", scope == null ? "any" : scope);
        return op;
    }

    static Operation raw() {
        Operation op = op("The message as stored (message/rfc822), where bodies are stored", "mail.read", "200",
                null, null);
        op.getResponses().get("200").content(new Content().addMediaType("message/rfc822",
                new MediaType().schema(new StringSchema().format("binary")).addExamples("message", new Example()
                        .value("From: ann@example.net\r\nSubject: Lunch?\r\n\r\nAt noon?\r\n"))));
        return op;
    }

    static Operation events() {
        Operation op = op("Push: a stream of the account's state changes (text/event-stream)", "mail.read", "200",
                null, null);
        op.description(op.getDescription() + " Each event is `event: state`, `id: <state>`; on one, call "
                + "/changes?since=<your last state>. Reconnect with Last-Event-ID to hear what you missed first: "
                + "`event: changes` (id: the new state, data: the /changes answer since your id, one per page), or "
                + "`event: resync` (no id) when that state is too old or unknown — fetch afresh. "
                + "A `: ping` comment comes every 30 s.");
        op.addParametersItem(new Parameter().in("header").name("Last-Event-ID").required(false)
                .description("the last state this client heard").schema(new StringSchema()).example("42"));
        op.getResponses().get("200").content(new Content().addMediaType("text/event-stream",
                new MediaType().schema(new StringSchema()).addExamples("state change", new Example()
                        .value("event:state\nid:45\ndata:{\"accountId\":\"acc-1\",\"state\":\"45\"}\n\n"))
                        .addExamples("missed changes", new Example().value("event:changes\nid:45\ndata:"
                                + "{\"accountId\":\"acc-1\",\"oldState\":\"42\",\"newState\":\"45\","
                                + "\"hasMoreChanges\":false,\"created\":[\"m-3\"],\"updated\":[],\"destroyed\":[]}\n\n"))
                        .addExamples("resync", new Example().value("event:resync\ndata:{\"accountId\":\"acc-1\","
                                + "\"reason\":\"state 3 is too old to catch up from\"}\n\n"))));
        return op;
    }

    private static ApiResponses errors(ApiResponses responses) {
        problem(responses, "400", "Bad input: what is wrong, in words");
        problem(responses, "401", "No valid bearer token");
        problem(responses, "403", "The token lacks the scope");
        problem(responses, "404", "No such account (or another customer's)");
        problem(responses, "413", "Request body too large");
        problem(responses, "429", "Too many requests from this customer or client application; see Retry-After");
        problem(responses, "503", "A service is down or slow; see Retry-After");
        return responses;
    }

    private static void problem(ApiResponses responses, String status, String detail) {
        responses.addApiResponse(status, new ApiResponse().description(detail).content(json(
                "application/problem+json", "Problem", "{\"type\":\"https://mailsync.io/problems/" + status
                        + "\",\"title\":\"" + detail + "\",\"status\":" + status + ",\"detail\":\"" + detail
                        + "\",\"instance\":\"/api/v1/accounts/acc-1\"}")));
    }

    private static Content json(String mediaType, String schema, String example) {
        MediaType media = new MediaType().schema(ref(schema));
        if (example != null) {
            media.addExamples("example", new Example().value(JSON.readValue(example, Object.class)));
        }
        return new Content().addMediaType(mediaType, media);
    }

    static RequestBody body(String schema, String example) {
        return new RequestBody().required(true).content(json("application/json", schema, example));
    }

    static Parameter account() {
        return new Parameter().in("path").name("accountId").required(true).schema(new StringSchema()).example("acc-1");
    }

    static Parameter draft() {
        return new Parameter().in("path").name("draftId").required(true).schema(new StringSchema())
                .example("5b0c9e0e-6c1a-4f43-9d3e-0f2a1b3c4d5e");
    }

    /** A message/rfc822 request body (issue 11: sent copies and drafts). */
    static Operation rfc822(Operation op) {
        return op.requestBody(new RequestBody().required(true).content(new Content().addMediaType("message/rfc822",
                new MediaType().schema(new StringSchema().format("binary")).addExamples("message", new Example()
                        .value("From: bob@isp.example\r\nTo: ann@example.net\r\nSubject: Re: Lunch?\r\n"
                                + "Message-ID: <r1@isp.example>\r\n\r\nYes!\r\n")))));
    }

    static Parameter message() {
        return new Parameter().in("path").name("messageId").required(true).schema(new StringSchema())
                .example("m-7f3a");
    }

    static Parameter query(String name, String description, String example) {
        return new Parameter().in("query").name(name).required(false).description(description)
                .schema(name.equals("limit") || name.equals("maxChanges") ? new IntegerSchema() : new StringSchema())
                .example(example);
    }

    static Parameter deviceHeader(boolean required) {
        return new Parameter().in("header").name("X-Device-Id").required(required)
                .description("the calling device (registered via /devices)").schema(new StringSchema())
                .example("dev-9");
    }
}
