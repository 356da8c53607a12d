/** Planted for HexagonRulesTest: a package-private adapter on the MongoDB driver. */
package io.mailsync.archclean.adapter.out.mongo;
