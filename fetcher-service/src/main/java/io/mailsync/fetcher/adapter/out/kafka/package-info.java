/** Publishes mail events on the mail.events topic with the shared EventCodec, keyed by account id. */
package io.mailsync.fetcher.adapter.out.kafka;
