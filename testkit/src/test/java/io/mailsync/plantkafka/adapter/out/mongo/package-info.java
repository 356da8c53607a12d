/** Planted for HexagonRulesTest: the Kafka client outside its adapter. */
package io.mailsync.plantkafka.adapter.out.mongo;
