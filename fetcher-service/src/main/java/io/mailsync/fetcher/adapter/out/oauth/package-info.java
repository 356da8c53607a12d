/**
 * The OAuth token client (issue 22): a mailbox's refresh token becomes an access token at its host's token endpoint.
 */
package io.mailsync.fetcher.adapter.out.oauth;
