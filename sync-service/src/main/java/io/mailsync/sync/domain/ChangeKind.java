package io.mailsync.sync.domain;

/** What one change-log entry says happened to a message. */
public enum ChangeKind { CREATED, UPDATED, DESTROYED }
