package io.mailsync.sync.application;

import java.time.Duration;
import java.util.Objects;

/**
 * What the use cases are told by configuration.
 *
 * @param changeRetention how long the change log answers {@code /changes} (DESIGN.md: at least 30 days)
 */
public record SyncSettings(Duration changeRetention, int maxChanges, int defaultPageSize, int maxPageSize) {

    public SyncSettings {
        Objects.requireNonNull(changeRetention, "changeRetention");
        if (changeRetention.isNegative() || changeRetention.isZero()) {
            throw new IllegalArgumentException("changeRetention is positive");
        }
        if (maxChanges < 1 || defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("maxChanges >= 1 and 1 <= defaultPageSize <= maxPageSize");
        }
    }
}
