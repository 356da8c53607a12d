/**
 * Kafka alike in every service (ADR 0011): the {@code mailsync.kafka.*} settings, the topic names and consumer groups
 * they give, and the one retry and dead-letter policy of every listener.
 */
package io.mailsync.support.kafka;
