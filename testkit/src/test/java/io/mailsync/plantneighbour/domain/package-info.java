/** Planted for HexagonRulesTest: another service's domain. */
package io.mailsync.plantneighbour.domain;
