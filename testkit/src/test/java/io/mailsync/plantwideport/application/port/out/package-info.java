/** Planted for HexagonRulesTest: a port of eleven verbs. */
package io.mailsync.plantwideport.application.port.out;
