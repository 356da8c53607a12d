/**
 * The whole of mailsync in one JVM on embedded infrastructure: a KRaft broker, a file-backed MongoDB wire server,
 * GreenMail with demo mailboxes, and the five services as five Spring contexts. Also the harness of the
 * end-to-end tests.
 */
package io.mailsync.devstack;
