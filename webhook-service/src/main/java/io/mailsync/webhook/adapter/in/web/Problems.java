package io.mailsync.webhook.adapter.in.web;

import io.mailsync.webhook.domain.SubscriptionId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** problem+json answers; an id that is not one is "not found", like another customer's (ADR 0008). */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "No webhook subscription " + id + " is yours.");
    }

    static SubscriptionId id(String raw) {
        try {
            return new SubscriptionId(raw);
        } catch (IllegalArgumentException e) {
            throw notFound(raw);
        }
    }
}
