package io.mailsync.sync.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * Where a message stands in a listing: newest received first, as a mail client shows a folder (issue 18: a large
 * mailbox is imported newest first, so its first page is right long before the import ends). Messages received in
 * the same instant, or with no received time (listed last), go by creation in mailsync, newest first.
 *
 * @param receivedAt    the server's received time (IMAP INTERNALDATE); null when the server gave none
 * @param createdModseq the account's modseq when mailsync created the message: unique within the account
 */
public record ListingKey(Instant receivedAt, long createdModseq) {

    private static final Comparator<ListingKey> ORDER = Comparator
            .comparing(ListingKey::receivedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Comparator.comparingLong(ListingKey::createdModseq).reversed());

    /** Newest first: the order of every listing and search page. */
    public static final Comparator<StoredMessage> NEWEST_FIRST = Comparator.comparing(ListingKey::of, ORDER);

    public static ListingKey of(StoredMessage message) {
        return new ListingKey(message.receivedAt(), message.createdModseq());
    }

    /** Whether {@code message} comes after this key in a newest-first listing (on a later page). */
    public boolean isFollowedBy(StoredMessage message) {
        return ORDER.compare(of(message), this) > 0;
    }
}
