/** Planted for HexagonRulesTest: settings in config. */
package io.mailsync.plantconfig.config;
