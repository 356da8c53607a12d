/** Planted for HexagonRulesTest: the MongoDB driver outside its adapter. */
package io.mailsync.plantmongo.adapter.out.kafka;
