/** Planted for HexagonRulesTest: a domain that imports Spring. */
package io.mailsync.plantdomain.domain;
