/** Planted for HexagonRulesTest: Spring Web outside its adapter. */
package io.mailsync.planthttp.adapter.out.mongo;
