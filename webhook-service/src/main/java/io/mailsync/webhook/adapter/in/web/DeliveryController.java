package io.mailsync.webhook.adapter.in.web;

import static io.mailsync.webhook.adapter.in.web.Problems.id;
import static io.mailsync.webhook.adapter.in.web.Problems.notFound;

import io.mailsync.webhook.application.Redeliver;
import io.mailsync.webhook.application.ViewDeliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A subscription's delivery log, newest first, and redelivery of one of its events (parked or not). */
@RestController
@RequestMapping("/api/v1/webhooks/{id}/deliveries")
@Tag(name = "webhooks")
@ApiResponse(responseCode = "404", description = ApiExamples.NOT_YOURS)
class DeliveryController {

    private final ViewDeliveries view;
    private final Redeliver redeliver;

    DeliveryController(ViewDeliveries view, Redeliver redeliver) {
        this.view = view;
        this.redeliver = redeliver;
    }

    @GetMapping
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest first")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(array = @ArraySchema(
            schema = @Schema(implementation = DeliveryResponse.class)), examples = @ExampleObject(
            ApiExamples.DELIVERIES)))
    List<DeliveryResponse> deliveries(
            @Parameter(description = "the subscription", example = ApiExamples.ID) @PathVariable("id") String id,
            @AuthenticationPrincipal Jwt jwt) {
        return view.recent(jwt.getSubject(), id(id)).orElseThrow(() -> notFound(id))
                .stream().map(DeliveryResponse::of).toList();
    }

    @PostMapping("/{eventId}/redeliver")
    @Operation(operationId = "redeliverWebhookEvent", summary = "Queue a delivery again with the same event id"
            + " (parked or not)")
    @ApiResponse(responseCode = "202", description = "Queued")
    ResponseEntity<Void> redeliver(
            @Parameter(description = "the subscription", example = ApiExamples.ID) @PathVariable("id") String id,
                                   @Parameter(description = "the event, as the log names it", example = "acc-1:s42")
                                   @PathVariable("eventId") String eventId,
                                   @AuthenticationPrincipal Jwt jwt) {
        if (!redeliver.redeliver(jwt.getSubject(), id(id), eventId)) {
            throw Problems.problem(HttpStatus.NOT_FOUND, "No delivery " + eventId + " in the log of webhook " + id
                    + " that is yours.");
        }
        return ResponseEntity.accepted().build();
    }
}
