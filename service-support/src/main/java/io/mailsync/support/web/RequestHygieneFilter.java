package io.mailsync.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose path or query is not valid percent-encoded UTF-8 (RFC 3986 §2.1, RFC 3629) is the client's fault:
 * it answers 400 problem+json here, before routing, security or a downstream call could turn it into a 5xx or count
 * it against a circuit breaker (issue 16: {@code ?since=%ff%fe} opened the gateway's breaker for every customer).
 * Linear in the length of the request line.
 */
public class RequestHygieneFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemWith(request);
        if (problem != null) {
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request's path or query is not valid percent-encoded UTF-8, or null when both are. */
    public static String problemWith(HttpServletRequest request) {
        String problem = problemWith(request.getRequestURI(), "path");
        return problem != null ? problem : problemWith(request.getQueryString(), "query");
    }

    /** Why {@code raw} is not valid percent-encoded UTF-8, or null when it is. */
    static String problemWith(String raw, String part) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "the " + part + " has a '%' that is not followed by two hex digits (RFC 3986 §2.1)";
                }
                bytes[n++] = (byte) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return "the " + part + " has a character that must be percent-encoded (RFC 3986 §2)";
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return null;
        } catch (CharacterCodingException e) {
            return "the " + part + " decodes to bytes that are not UTF-8; percent-encode UTF-8 (RFC 3986 §2.5)";
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
