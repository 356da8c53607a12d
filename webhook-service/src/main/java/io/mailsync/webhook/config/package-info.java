/** Configuration records and the wiring of use cases, the outbound policy and the retry topics. */
package io.mailsync.webhook.config;
