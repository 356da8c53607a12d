/** Kafka in: the account directory from the compacted accounts topic, and push from the state topic. */
package io.mailsync.gateway.adapter.in.kafka;
