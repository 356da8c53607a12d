/**
 * Resource-server security every API door shares (gateway, sync, quota): token rules (exp, sub, issuer; audience
 * from Boot's property), the scope table, problem+json 401/403, one auto-configured filter chain, and a bounded cache of
 * the tokens already verified (issue 18).
 */
package io.mailsync.support.security;
