package io.mailsync.events;

/** Anything the codec writes: every wire record belongs to one account, which is also its Kafka key. */
public interface WireRecord {
    String accountId();
}
