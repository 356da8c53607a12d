package io.mailsync.sync.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How bodies are fetched on demand (issue 20).
 *
 * @param waitForOwner how long a request waits for the owning fetcher before it answers 503 (below the gateway's
 *                     downstream timeout, so the client hears the 503 and its Retry-After, not the gateway's)
 * @param answerBy     how long the owner may still answer: an answer after the wait is kept for the client's retry; a
 *                     request the owner reads later than this is dropped
 * @param keepFor      how long a fetched body stays in the content store for further reads
 * @param retryAfter   what the 503 tells the client to wait before it asks again
 */
public record BodySettings(Duration waitForOwner, Duration answerBy, Duration keepFor, Duration retryAfter) {

    public BodySettings {
        Objects.requireNonNull(waitForOwner, "waitForOwner");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(keepFor, "keepFor");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (answerBy.compareTo(waitForOwner) < 0) {
            throw new IllegalArgumentException("answer-by is at least the wait");
        }
    }
}
