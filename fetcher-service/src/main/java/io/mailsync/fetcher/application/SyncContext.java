package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.time.Clock;

/** What every folder sync shares. */
record SyncContext(CursorStore cursors, MailEventPublisher publisher, ContentStore contents, Clock clock,
                   SessionSettings settings) {
}
