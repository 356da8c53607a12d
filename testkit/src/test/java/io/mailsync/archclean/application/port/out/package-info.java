/** Planted for HexagonRulesTest: a port. */
package io.mailsync.archclean.application.port.out;
