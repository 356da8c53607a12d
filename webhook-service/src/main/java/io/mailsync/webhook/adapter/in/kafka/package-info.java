/**
 * The fan-out (group {@code webhooks-fanout}: mail.state and mail.accounts) and the delivery consumer (group
 * {@code webhooks-deliver}: webhook.deliveries, its retry topics and its dead-letter topic).
 */
package io.mailsync.webhook.adapter.in.kafka;
