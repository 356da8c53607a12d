/** Planted for HexagonRulesTest: settings in config. */
package io.mailsync.plantinside.config;
