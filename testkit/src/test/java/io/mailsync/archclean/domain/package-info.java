/** Planted for HexagonRulesTest: a domain of plain Java and mail-events. */
package io.mailsync.archclean.domain;
