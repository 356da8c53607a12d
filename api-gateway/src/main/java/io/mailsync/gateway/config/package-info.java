/** Configuration records for the gateway, bound from {@code mailsync.gateway.*}. */
package io.mailsync.gateway.config;
