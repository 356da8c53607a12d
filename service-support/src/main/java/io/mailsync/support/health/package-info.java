/**
 * Readiness that goes false while Kafka or MongoDB does not answer (issue 7), auto-configured in every service, each
 * check bounded in time so a probe never hangs.
 */
package io.mailsync.support.health;
