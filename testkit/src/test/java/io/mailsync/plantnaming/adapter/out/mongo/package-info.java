/** Planted for HexagonRulesTest: an adapter not named for the port it implements. */
package io.mailsync.plantnaming.adapter.out.mongo;
