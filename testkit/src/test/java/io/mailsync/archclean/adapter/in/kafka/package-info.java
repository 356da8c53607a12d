/** Planted for HexagonRulesTest: a package-private listener on the Kafka client. */
package io.mailsync.archclean.adapter.in.kafka;
