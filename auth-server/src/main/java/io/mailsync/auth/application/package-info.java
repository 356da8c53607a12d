/** The use case that fills an access token, and the port that keeps the signing key. Plain Java. */
package io.mailsync.auth.application;
