/** Use cases of quota-service, one public method each; they reach the world through {@code port.out}. */
package io.mailsync.quota.application;
