package io.mailsync.webhook.adapter.in.web;

import static io.mailsync.webhook.adapter.in.web.Problems.id;
import static io.mailsync.webhook.adapter.in.web.Problems.notFound;

import io.mailsync.webhook.application.CreateSubscription;
import io.mailsync.webhook.application.CreatedSubscription;
import io.mailsync.webhook.application.DeleteSubscription;
import io.mailsync.webhook.application.InvalidSubscriptionException;
import io.mailsync.webhook.application.NewSubscription;
import io.mailsync.webhook.application.RotateSecret;
import io.mailsync.webhook.application.ViewSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's subscriptions (the token's subject is the customer); another customer's is 404, never 403. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "webhooks", description = "Signed deliveries of the caller's events to a URL of theirs (scope"
        + " webhooks.manage; ADR 0013)")
class WebhookController {

    private final CreateSubscription create;
    private final ViewSubscriptions view;
    private final DeleteSubscription delete;
    private final RotateSecret rotate;

    WebhookController(CreateSubscription create, ViewSubscriptions view, DeleteSubscription delete,
                      RotateSecret rotate) {
        this.create = create;
        this.view = view;
        this.delete = delete;
        this.rotate = rotate;
    }

    @PostMapping
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types of the caller's accounts (none"
            + " named: all of them)", description = "The answer holds the signing secret, shown this once.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.REQUEST)))
    @ApiResponse(responseCode = "201", description = "Subscribed; Location names it",
            headers = @Header(name = "Location", description = "the new subscription",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class),
                    examples = @ExampleObject(ApiExamples.CREATED)))
    @ApiResponse(responseCode = "400", description = "A URL that is not https or that mailsync may not send to"
            + " (loopback, private, metadata addresses), an unknown event type, an account not the caller's")
    ResponseEntity<SubscriptionResponse> subscribe(@RequestBody SubscriptionRequest request,
                                                   @AuthenticationPrincipal Jwt jwt) {
        CreatedSubscription created = create.create(new NewSubscription(jwt.getSubject(), request.url(),
                request.events(), request.accounts()));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id()))
                .body(SubscriptionResponse.withSecret(created.subscription(), created.secret(), null));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "The caller's subscriptions (no secrets)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(array = @ArraySchema(
            schema = @Schema(implementation = SubscriptionResponse.class)),
            examples = @ExampleObject(ApiExamples.LIST)))
    List<SubscriptionResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return view.all(jwt.getSubject()).stream().map(SubscriptionResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription (no secret)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = SubscriptionResponse.class), examples = @ExampleObject(
            ApiExamples.SUBSCRIPTION)))
    @ApiResponse(responseCode = "404", description = ApiExamples.NOT_YOURS)
    SubscriptionResponse one(
            @Parameter(description = "the subscription", example = ApiExamples.ID) @PathVariable("id") String id,
            @AuthenticationPrincipal Jwt jwt) {
        return view.one(jwt.getSubject(), id(id)).map(SubscriptionResponse::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe; what is still queued for it is not sent")
    @ApiResponse(responseCode = "204", description = "Unsubscribed")
    @ApiResponse(responseCode = "404", description = ApiExamples.NOT_YOURS)
    ResponseEntity<Void> unsubscribe(
            @Parameter(description = "the subscription", example = ApiExamples.ID) @PathVariable("id") String id,
            @AuthenticationPrincipal Jwt jwt) {
        if (!delete.delete(jwt.getSubject(), id(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret", description = "The new"
            + " one is shown this once; until previousSecretRetiresAt both sign (Mailsync-Signature carries two v1="
            + " values).")
    @ApiResponse(responseCode = "200", description = "Rotated", content = @Content(
            schema = @Schema(implementation = SubscriptionResponse.class), examples = @ExampleObject(
            ApiExamples.ROTATED)))
    @ApiResponse(responseCode = "404", description = ApiExamples.NOT_YOURS)
    SubscriptionResponse rotateSecret(
            @Parameter(description = "the subscription", example = ApiExamples.ID) @PathVariable("id") String id,
            @AuthenticationPrincipal Jwt jwt) {
        return rotate.rotate(jwt.getSubject(), id(id))
                .map(r -> SubscriptionResponse.withSecret(r.subscription(), r.secret(), r.previousRetiresAt()))
                .orElseThrow(() -> notFound(id));
    }

    @ExceptionHandler(InvalidSubscriptionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubscriptionException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
