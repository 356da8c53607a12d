/** The {@code mailsync.auth.*} configuration record and its mapping to the domain's clients and customers. */
package io.mailsync.auth.config;
