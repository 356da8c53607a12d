package io.mailsync.gateway.domain;

import java.util.Optional;

/** Reads the parts of a public API path the gateway decides on. */
public final class ApiPath {

    private static final String ACCOUNTS = "/api/v1/accounts/";

    private ApiPath() {
    }

    /** The account id of {@code /api/v1/accounts/{accountId}[/...]}; empty for other paths. */
    public static Optional<String> accountId(String path) {
        if (path == null || !path.startsWith(ACCOUNTS)) {
            return Optional.empty();
        }
        String rest = path.substring(ACCOUNTS.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The route a path takes, as the access log and metrics name it. */
    public static String route(String path) {
        if (path == null || !path.startsWith("/api/v1/")) {
            return "gateway";
        }
        String[] segments = path.split("/");
        if (segments.length > 3 && "webhooks".equals(segments[3])) {
            return "webhook-service"; // ADR 0013
        }
        // "", "api", "v1", "accounts", id, section, ...
        if (segments.length > 5 && "accounts".equals(segments[3])) {
            return switch (segments[5]) {
                case "quota" -> segments.length > 6 && "suggestions".equals(segments[6]) ? "sync-service"
                        : "quota-service";
                case "events" -> segments.length == 6 ? "events" : "sync-service";
                default -> "sync-service";
            };
        }
        return "sync-service";
    }
}
