package io.mailsync.quota.domain;

/** What a quota limits (RFC 9208 §5): bytes stored, or the number of messages. Tracked separately. */
public enum Resource { STORAGE, MESSAGE }
