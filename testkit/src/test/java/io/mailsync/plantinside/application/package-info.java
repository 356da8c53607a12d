/** Planted for HexagonRulesTest: a use case that reads config/. */
package io.mailsync.plantinside.application;
