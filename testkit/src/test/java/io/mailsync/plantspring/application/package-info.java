/** Planted for HexagonRulesTest: a use case that carries @Service. */
package io.mailsync.plantspring.application;
