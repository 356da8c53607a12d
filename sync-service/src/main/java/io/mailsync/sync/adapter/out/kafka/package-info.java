/** Publishes the account registry, commands for the fetchers and state signals for push, as EventCodec JSON keyed by account. */
package io.mailsync.sync.adapter.out.kafka;
