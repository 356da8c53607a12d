/** Sends deliveries: a signed POST over HttpClient 5, connecting only through the outbound policy's guarded sockets. */
package io.mailsync.webhook.adapter.out.http;
