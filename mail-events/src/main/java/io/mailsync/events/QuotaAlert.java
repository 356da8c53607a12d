package io.mailsync.events;

import java.time.Instant;
import java.util.UUID;

/** A quota notice, published on {@link Topics#QUOTA_ALERTS} for channels other than e-mail. */
public sealed interface QuotaAlert extends WireRecord permits QuotaLevelCrossed, QuotaForecastWarning {

    enum Resource { STORAGE, MESSAGE }

    UUID eventId();

    Instant occurredAt();
}
