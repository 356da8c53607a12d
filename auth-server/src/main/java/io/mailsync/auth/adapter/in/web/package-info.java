/**
 * Spring Authorization Server wired to the configured clients and customers: its endpoints ({@code /oauth2/token},
 * {@code /oauth2/authorize}, {@code /oauth2/jwks}, {@code /.well-known/oauth-authorization-server}), the customers'
 * sign-in page, and the claims every access token carries.
 */
package io.mailsync.auth.adapter.in.web;
