/** Planted for HexagonRulesTest: properties and wiring. */
package io.mailsync.archclean.config;
