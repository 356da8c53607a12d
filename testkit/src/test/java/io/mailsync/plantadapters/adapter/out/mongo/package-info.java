/** Planted for HexagonRulesTest: an adapter another adapter uses (so it must be public). */
package io.mailsync.plantadapters.adapter.out.mongo;
