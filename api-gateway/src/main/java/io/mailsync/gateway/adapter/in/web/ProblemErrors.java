package io.mailsync.gateway.adapter.in.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the gateway itself produces is {@code application/problem+json} (RFC 9457), without stack traces:
 * Spring MVC's own exceptions through {@link ResponseEntityExceptionHandler}, anything else as a plain 500, and
 * what the container sends to {@code /error} as a problem for its status.
 */
final class ProblemErrors {

    private ProblemErrors() {
    }

    @RestControllerAdvice
    static class Advice extends ResponseEntityExceptionHandler {

        private static final Logger log = LoggerFactory.getLogger(Advice.class);

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            if (response.isCommitted()) {
                throw e; // an answer already on its way cannot become a problem: CutOffAnswers closes it
            }
            if (BodyLimitFilter.causedByLimit(e)) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large", request);
            }
            log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the gateway failed; this is not your fault", request);
        }
    }

    @RestController
    static class Fallback implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                    ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
            return problem(status, status.is5xxServerError() ? "the gateway failed; this is not your fault"
                    : status.getReasonPhrase(), request);
        }
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(status, detail, original != null ? original.toString() : request.getRequestURI()));
    }
}
