package io.mailsync.events;

import io.mailsync.events.mail.AccountId;

/** Anything the codec writes: every wire record belongs to one account, which is also its Kafka key. */
public interface WireRecord {
    AccountId accountId();
}
