/** MongoDB out: the rate limits' token buckets, shared by every gateway replica. */
package io.mailsync.gateway.adapter.out.mongo;
