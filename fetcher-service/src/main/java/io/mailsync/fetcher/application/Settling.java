package io.mailsync.fetcher.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * One folder's settlings during an import (issue 18, P2): each awaits its events' acknowledgements, then writes the
 * index and the cursor past them, in the background while the session reads on; one at a time and in order, since
 * the next starts only once the one before was {@link #joined()}.
 */
final class Settling {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    /** What a settling wrote: the cursor and the keywords announced. */
    record Settled(FolderCursor cursor, Map<Uid, Set<Keyword>> keywords) {
    }

    private final CursorStore cursors;
    private final AccountId accountId;
    private final String folder;
    private CompletableFuture<Settled> running;

    Settling(CursorStore cursors, AccountId accountId, String folder) {
        this.cursors = cursors;
        this.accountId = accountId;
        this.folder = folder;
    }

    /** Starts one; the one before must have been {@link #joined()}. */
    void start(MailEventPublisher.Sent sent, Map<Uid, Set<Keyword>> read, FolderCursor next) {
        if (running != null) {
            throw new IllegalStateException("the settling before is not joined");
        }
        running = CompletableFuture.supplyAsync(() -> {
            sent.await();
            cursors.updateIndex(accountId, folder, next.uidValidity(), read, List.of());
            cursors.save(accountId, next);
            return new Settled(next, read);
        }, BACKGROUND);
    }

    /**
     * Waits for the running one, if any, and returns what it settled (null for none). Its failure — the broker, the
     * store, a lost owner — is thrown here, on the session's thread; the wait ends on the session's interrupt (stop).
     */
    Settled joined() {
        CompletableFuture<Settled> waited = running;
        running = null;
        if (waited == null) {
            return null;
        }
        try {
            return waited.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
