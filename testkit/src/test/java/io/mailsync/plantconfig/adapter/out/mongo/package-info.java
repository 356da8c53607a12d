/** Planted for HexagonRulesTest: an adapter that reads config/. */
package io.mailsync.plantconfig.adapter.out.mongo;
