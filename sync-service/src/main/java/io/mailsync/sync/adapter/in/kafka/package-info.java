/** Consumes {@code mail.events} (group {@code sync}) and hands each event to the use case. */
package io.mailsync.sync.adapter.in.kafka;
