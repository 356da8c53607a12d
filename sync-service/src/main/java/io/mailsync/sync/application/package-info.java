/** Use cases of the sync service, one public method each; they reach the world only through {@code port.out}. */
package io.mailsync.sync.application;
