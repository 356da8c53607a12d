package io.mailsync.gateway.application.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Browser clients: origin patterns allowed to call the API (none: no CORS answers at all) and preflight caching. */
public record CorsSettings(List<String> allowedOrigins, Duration maxAge) {

    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(maxAge, "maxAge");
    }
}
