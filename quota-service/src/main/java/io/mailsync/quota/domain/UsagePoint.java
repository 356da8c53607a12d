package io.mailsync.quota.domain;

import java.time.Instant;
import java.util.Objects;

/** One historical reading of a resource, for the forecast. */
public record UsagePoint(Instant at, long used) {
    public UsagePoint {
        Objects.requireNonNull(at, "at");
    }
}
