/** Planted for HexagonRulesTest: a package-private controller on Spring Web. */
package io.mailsync.archclean.adapter.in.web;
