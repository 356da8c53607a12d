/** Planted for HexagonRulesTest: a use case without Spring. */
package io.mailsync.archclean.application;
