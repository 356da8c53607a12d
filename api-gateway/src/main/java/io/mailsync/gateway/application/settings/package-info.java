/**
 * What the gateway's adapters are told, as plain values: config/ builds them from {@code mailsync.gateway.*}, so no
 * adapter depends on config/ (STYLE.md; issue 21).
 */
package io.mailsync.gateway.application.settings;
