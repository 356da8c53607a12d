/** Configuration records and bean wiring: topics, crypto, Kafka error handling, security. */
package io.mailsync.sync.config;
