/** Planted for HexagonRulesTest: a use case that imports another service. */
package io.mailsync.plantservices.application;
