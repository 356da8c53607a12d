/** Planted for HexagonRulesTest: a package-private adapter on jakarta.mail. */
package io.mailsync.archclean.adapter.out.imap;
