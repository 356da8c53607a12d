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
    ResponseEntity<SubscriptionResponse> subscribe(@RequestBody SubscriptionRequest request,
                                                   @AuthenticationPrincipal Jwt jwt) {
        CreatedSubscription created = create.create(new NewSubscription(jwt.getSubject(), request.url(),
                request.events(), request.accounts()));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id()))
                .body(SubscriptionResponse.withSecret(created.subscription(), created.secret(), null));
    }

    @GetMapping
    List<SubscriptionResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return view.all(jwt.getSubject()).stream().map(SubscriptionResponse::of).toList();
    }

    @GetMapping("/{id}")
    SubscriptionResponse one(@PathVariable("id") String id, @AuthenticationPrincipal Jwt jwt) {
        return view.one(jwt.getSubject(), id(id)).map(SubscriptionResponse::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable("id") String id, @AuthenticationPrincipal Jwt jwt) {
        if (!delete.delete(jwt.getSubject(), id(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    SubscriptionResponse rotateSecret(@PathVariable("id") String id, @AuthenticationPrincipal Jwt jwt) {
        return rotate.rotate(jwt.getSubject(), id(id))
                .map(r -> SubscriptionResponse.withSecret(r.subscription(), r.secret(), r.previousRetiresAt()))
                .orElseThrow(() -> notFound(id));
    }

    @ExceptionHandler(InvalidSubscriptionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubscriptionException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
