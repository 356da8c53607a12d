package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.SyncProblems;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457). Bad input is a 4xx with a reason a person can act
 * on; never a stack trace, never a secret (a body that fails to parse is not echoed: it may hold a password).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.NotFound.class)
    ProblemDetail notFound(SyncProblems.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.Forbidden.class)
    ProblemDetail forbidden(SyncProblems.Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.Conflict.class)
    ProblemDetail conflict(SyncProblems.Conflict e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.StateGone.class)
    ProblemDetail gone(SyncProblems.StateGone e) {
        ProblemDetail problem = problem(HttpStatus.GONE, e.getMessage());
        // RFC 8620 §5.2: the client must discard its cache and fetch again
        problem.setType(URI.create("urn:ietf:params:jmap:error:cannotCalculateChanges"));
        problem.setProperty("resync", true);
        return problem;
    }

    @ExceptionHandler(SyncProblems.Gone.class)
    ProblemDetail expired(SyncProblems.Gone e) {
        return problem(HttpStatus.GONE, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.PreconditionFailed.class)
    ProblemDetail precondition(SyncProblems.PreconditionFailed e) {
        return problem(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(SyncProblems.Unavailable.class)
    ProblemDetail unavailable(SyncProblems.Unavailable e) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ProblemDetail storeUnavailable(RuntimeException e) {
        log.warn("database unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the sync store is unavailable; retry shortly");
    }

    /**
     * A store failure Spring could not classify — e.g. the driver's connection pool cleared while MongoDB is away
     * ({@code MongoConnectionPoolClearedException}, seen as a 500 in {@code MongoOutageIT}): the store failed, not
     * the request, so the client may retry (503); logged in full, since it may also be a bug.
     */
    @ExceptionHandler(UncategorizedDataAccessException.class)
    ProblemDetail storeFailed(UncategorizedDataAccessException e) {
        log.error("database failure", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the sync store is unavailable; retry shortly");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it was logged");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                "the request body is missing or is not JSON of the expected shape"));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
