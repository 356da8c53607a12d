/** Planted for HexagonRulesTest: a listener that uses another adapter. */
package io.mailsync.plantadapters.adapter.in.kafka;
