/** The delivery queue: {@code webhook.deliveries}, keyed by subscription id so one subscription's deliveries keep their order. */
package io.mailsync.webhook.adapter.out.kafka;
