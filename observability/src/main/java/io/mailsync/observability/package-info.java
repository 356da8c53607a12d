/**
 * What every mailsync service reports the same way, auto-configured by being on the classpath: readiness that goes
 * false while Kafka or MongoDB does not answer (issue 7), each check bounded in time so a probe never hangs.
 */
package io.mailsync.observability;
