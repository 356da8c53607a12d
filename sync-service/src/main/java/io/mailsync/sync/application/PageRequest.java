package io.mailsync.sync.application;

import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of messages a caller asks for, newest received first ({@link ListingKey}): in one folder or all
 * ({@code folder} null), {@code size} of them, after {@code after} (the previous page's last message, from its
 * cursor; null for the first page). Listing and searching read pages alike, so a client pages through both with the
 * same {@code limit} and {@code nextCursor}.
 */
record PageRequest(String folder, int size, ListingKey after) {

    /** {@code r<received, epoch ms>.<created modseq>}; no received time where the server gave none. */
    private static final Pattern CURSOR = Pattern.compile("r(-?\\d{1,18})?\\.(\\d{1,18})");

    /** Checks what the caller sent; each refusal is a 400 saying what is allowed. */
    static PageRequest of(String folder, Integer limit, String cursor, SyncSettings settings) {
        int size = limit == null ? settings.defaultPageSize() : limit;
        if (size < 1 || size > settings.maxPageSize()) {
            throw new IllegalArgumentException("limit is 1 to " + settings.maxPageSize());
        }
        if (folder != null && (folder.isBlank() || folder.length() > 255)) {
            throw new IllegalArgumentException("folder is 1 to 255 characters");
        }
        return new PageRequest(folder, size, cursor == null ? null : key(cursor));
    }

    private static ListingKey key(String cursor) {
        Matcher m = CURSOR.matcher(cursor);
        if (!m.matches()) {
            // a cursor of the listing by creation (before issue 18's newest-received order) is refused too
            throw new IllegalArgumentException("cursor is the nextCursor of a previous page");
        }
        Instant received = m.group(1) == null ? null : Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        return new ListingKey(received, Long.parseLong(m.group(2)));
    }

    private static String cursor(ListingKey key) {
        return "r" + (key.receivedAt() == null ? "" : key.receivedAt().toEpochMilli()) + "." + key.createdModseq();
    }

    /** Whether {@code message} comes after the previous page. */
    boolean follows(StoredMessage message) {
        return after == null || after.isFollowedBy(message);
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
        return new Page(shown, cursor(ListingKey.of(shown.get(size - 1))));
    }

    record Page(List<StoredMessage> messages, String nextCursor) {
    }
}
