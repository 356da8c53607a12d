/** Planted for HexagonRulesTest: a source file over 250 lines. */
package io.mailsync.plantsize.domain;
