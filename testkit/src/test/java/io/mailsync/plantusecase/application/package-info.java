/** Planted for HexagonRulesTest: a use case that does two things. */
package io.mailsync.plantusecase.application;
