/**
 * What every service shows an operator alike (issue 17): management on its own port, traces that cross HTTP and Kafka,
 * trace ids in the JSON logs, and {@code mailsync_} metrics whose latency histograms add up across pods.
 */
package io.mailsync.support.observability;
