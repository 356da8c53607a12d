package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.time.Clock;

/** What every folder sync shares. */
record SyncContext(CursorStore cursors, MailEventPublisher publisher, ContentStore contents, Clock clock,
                   SessionSettings settings) {

    /** The same, as one session sees it: its events carry its owner epoch, its cursor writes are fenced. */
    SyncContext fencedBy(Fence fence) {
        return new SyncContext(fence.guard(cursors), fence.guard(publisher, true), contents, clock, settings);
    }
}
