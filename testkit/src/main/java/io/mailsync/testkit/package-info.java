/**
 * Real infrastructure for tests and devstack, started once per JVM and shared: a KRaft Kafka broker, a MongoDB
 * wire server, GreenMail, Dovecot; plus the shared architecture rules and test-data builders.
 */
package io.mailsync.testkit;
