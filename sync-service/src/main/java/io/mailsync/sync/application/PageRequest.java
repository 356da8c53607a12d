package io.mailsync.sync.application;

import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;

/**
 * A page of messages a caller asks for, newest first: in one folder or all ({@code folder} null), {@code size} of
 * them, created before {@code before} (the previous page's cursor; null for the first page). Listing and searching
 * read pages alike, so a client pages through both with the same {@code limit} and {@code nextCursor}.
 */
record PageRequest(String folder, int size, ModSeq before) {

    /** Checks what the caller sent; each refusal is a 400 saying what is allowed. */
    static PageRequest of(String folder, Integer limit, String cursor, SyncSettings settings) {
        int size = limit == null ? settings.defaultPageSize() : limit;
        if (size < 1 || size > settings.maxPageSize()) {
            throw new IllegalArgumentException("limit is 1 to " + settings.maxPageSize());
        }
        if (folder != null && (folder.isBlank() || folder.length() > 255)) {
            throw new IllegalArgumentException("folder is 1 to 255 characters");
        }
        if (cursor != null && !cursor.matches("c\\d{1,18}")) {
            throw new IllegalArgumentException("cursor is the nextCursor of a previous page");
        }
        return new PageRequest(folder, size, cursor == null ? null : ModSeq.of(Long.parseLong(cursor.substring(1))));
    }

    /** Whether a message created at {@code createdModseq} comes after the previous page. */
    boolean after(long createdModseq) {
        return before == null || createdModseq < before.value();
    }

    /**
     * The page out of {@code newestFirst}, read with one message more than the page holds: that one's presence is
     * what says another page follows, and the cursor names the last message shown.
     */
    Page cut(List<StoredMessage> newestFirst) {
        if (newestFirst.size() <= size) {
            return new Page(List.copyOf(newestFirst), null);
        }
        List<StoredMessage> shown = List.copyOf(newestFirst.subList(0, size));
        return new Page(shown, "c" + shown.get(size - 1).createdModseq());
    }

    record Page(List<StoredMessage> messages, String nextCursor) {
    }
}
