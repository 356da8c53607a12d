package io.mailsync.webhook.adapter.in.web;

import static io.mailsync.webhook.adapter.in.web.Problems.id;
import static io.mailsync.webhook.adapter.in.web.Problems.notFound;

import io.mailsync.webhook.application.Redeliver;
import io.mailsync.webhook.application.ViewDeliveries;
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
class DeliveryController {

    private final ViewDeliveries view;
    private final Redeliver redeliver;

    DeliveryController(ViewDeliveries view, Redeliver redeliver) {
        this.view = view;
        this.redeliver = redeliver;
    }

    @GetMapping
    List<DeliveryResponse> deliveries(@PathVariable("id") String id, @AuthenticationPrincipal Jwt jwt) {
        return view.recent(jwt.getSubject(), id(id)).orElseThrow(() -> notFound(id))
                .stream().map(DeliveryResponse::of).toList();
    }

    @PostMapping("/{eventId}/redeliver")
    ResponseEntity<Void> redeliver(@PathVariable("id") String id, @PathVariable("eventId") String eventId,
                                   @AuthenticationPrincipal Jwt jwt) {
        if (!redeliver.redeliver(jwt.getSubject(), id(id), eventId)) {
            throw Problems.problem(HttpStatus.NOT_FOUND, "No delivery " + eventId + " in the log of webhook " + id
                    + " that is yours.");
        }
        return ResponseEntity.accepted().build();
    }
}
