/** Planted for HexagonRulesTest: jakarta.mail outside its adapter. */
package io.mailsync.plantmail.adapter.out.mongo;
