/**
 * devstack's OAuth2 authorization server (issue 19, ADR 0010): client credentials for partner back ends,
 * authorization code + PKCE for customer-facing apps, customers and clients from configuration, a signing key kept
 * in the data folder. Never deployed: in production the ISP's own identity provider issues the tokens.
 */
package io.mailsync.auth;
