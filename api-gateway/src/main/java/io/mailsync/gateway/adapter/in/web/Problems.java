package io.mailsync.gateway.adapter.in.web;

import io.mailsync.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * RFC 9457 problem documents, for the places that answer before Spring MVC does (filters) and for the routes, in
 * the shape every mailsync service uses (service-support). The detail is always a sentence written here.
 */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://mailsync.io/problems/" + status.value()));
        try {
            if (instance != null && URI.create(instance).getRawPath() != null) {
                problem.setInstance(URI.create(instance));
            }
        } catch (IllegalArgumentException e) {
            // not a URI reference (bad escapes): left out
        }
        return problem;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemResponses.write(request, response, status, detail);
    }

    /** A route's own answer (503, 429, 413, 400), with the headers given as name, value pairs. */
    static ServerResponse response(HttpStatus status, String detail, String path, String... headers) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(PROBLEM_JSON);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.body(ProblemResponses.json(status, detail, path));
    }
}
