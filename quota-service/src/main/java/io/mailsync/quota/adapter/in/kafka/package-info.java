/** Consumes usage samples from {@code mail.events} and account registrations from {@code mail.accounts}. */
package io.mailsync.quota.adapter.in.kafka;
