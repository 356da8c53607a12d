/** Planted for HexagonRulesTest: a port. */
package io.mailsync.plantnaming.application.port.out;
