/** Planted for HexagonRulesTest: properties as a mutable bean, not a record. */
package io.mailsync.plantproperties.config;
