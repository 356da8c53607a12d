/** What the authorization server needs from the world: a place that keeps its signing key. */
package io.mailsync.auth.application.port.out;
