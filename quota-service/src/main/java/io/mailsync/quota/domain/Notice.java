package io.mailsync.quota.domain;

import java.util.Objects;
import java.util.UUID;

/** What the customer is told. Each carries the id its e-mail and event keep across retries and replicas. */
public sealed interface Notice {

    UUID id();

    Resource resource();

    Usage usage();

    /**
     * Usage rose to {@code level} (100 = full: new mail is being returned to its senders); {@code forecast} is
     * when it will be full at the current rate, null when unknown.
     */
    record LevelReached(UUID id, Resource resource, int level, Usage usage, Forecast forecast) implements Notice {
        public LevelReached {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(usage, "usage");
        }

        public boolean full() {
            return level >= Levels.FULL;
        }
    }

    /** The mailbox was full and is now below its limit: mail is accepted again. */
    record BackUnderQuota(UUID id, Resource resource, Usage usage) implements Notice {
        public BackUnderQuota {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** At the current rate the resource is full in about {@code forecast.daysToFull()} days. */
    record FullSoon(UUID id, Resource resource, Usage usage, Forecast forecast) implements Notice {
        public FullSoon {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(forecast, "forecast");
        }
    }
}
