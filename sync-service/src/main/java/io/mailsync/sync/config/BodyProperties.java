package io.mailsync.sync.config;

import io.mailsync.sync.application.BodySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.sync.bodies.*}: bodies fetched on demand from the mail server (issue 20).
 *
 * @param waitForOwner  how long a read waits for the owning fetcher before answering 503 (keep it below the
 *                      gateway's {@code mailsync.gateway.downstream.timeout}, 5 s)
 * @param answerBy      how long the owner may still answer; a later answer is still kept for the retry
 * @param keepFor       how long a fetched body stays in the content store
 * @param retryAfter    the 503's Retry-After
 * @param purgeInterval how often bodies past {@code keepFor} are removed
 */
@ConfigurationProperties("mailsync.sync.bodies")
record BodyProperties(
        @DefaultValue("4s") Duration waitForOwner,
        @DefaultValue("60s") Duration answerBy,
        @DefaultValue("1h") Duration keepFor,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5m") Duration purgeInterval) {

    BodySettings toSettings() {
        return new BodySettings(waitForOwner, answerBy, keepFor, retryAfter);
    }
}
