package io.mailsync.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem documents written straight to the servlet response, for what answers before Spring MVC does
 * (filters, security handlers). The detail is always a sentence written by mailsync, never an exception message.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, detail, request.getRequestURI()));
        response.flushBuffer();
    }

    public static byte[] json(HttpStatus status, String detail, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://mailsync.io/problems/" + status.value());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        String instance = safeInstance(path);
        if (!instance.isEmpty()) {
            body.put("instance", instance);
        }
        return JSON.writeValueAsBytes(body);
    }

    /** The request path as a relative URI reference; a path that is not one (bad escapes) is left out. */
    private static String safeInstance(String path) {
        if (path == null) {
            return "";
        }
        try {
            return URI.create(path).getRawPath() == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
