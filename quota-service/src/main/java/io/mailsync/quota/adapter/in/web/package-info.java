/** {@code GET /api/v1/accounts/{id}/quota} behind the OAuth2 resource server; errors as problem+json. */
package io.mailsync.quota.adapter.in.web;
