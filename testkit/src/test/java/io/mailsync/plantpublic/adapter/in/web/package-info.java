/** Planted for HexagonRulesTest: a public controller. */
package io.mailsync.plantpublic.adapter.in.web;
