package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.SyncProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Issue 20: what only the mail server has, unavailable now, is a 503 problem with {@code Retry-After} (RFC 9110
 * §10.2.3) — never a 500. Ordered before {@link ProblemHandler}, whose catch-all would otherwise take it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailboxProblems {

    private static final Logger log = LoggerFactory.getLogger(MailboxProblems.class);

    @ExceptionHandler(SyncProblems.MailboxUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(SyncProblems.MailboxUnavailable e) {
        log.info("503: {}", e.getMessage());
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }
}
