package io.mailsync.gateway.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem documents, for the places that answer before Spring MVC does (filters, security handlers) and
 * for the routes. The detail is always a sentence written here, never an exception message.
 */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://mailsync.io/problems/" + status.value()));
        if (instance != null) {
            problem.setInstance(URI.create(safeInstance(instance)));
        }
        return problem;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.getOutputStream().write(toJson(of(status, detail, request.getRequestURI())));
        response.flushBuffer();
    }

    static byte[] toJson(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsBytes(body);
    }

    /** The request path as a relative URI reference; anything that is not one (bad escapes) is left out. */
    private static String safeInstance(String path) {
        try {
            return URI.create(path).getRawPath() == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
