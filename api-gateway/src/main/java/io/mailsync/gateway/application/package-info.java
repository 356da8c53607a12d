/** Use cases of the gateway: tenant checks against the account directory, and the push hub. */
package io.mailsync.gateway.application;
