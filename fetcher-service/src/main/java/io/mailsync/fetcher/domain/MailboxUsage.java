package io.mailsync.fetcher.domain;

/** How full a mailbox is, as the server reports it; a null field was not reported. Storage is in bytes. */
public record MailboxUsage(Long storageUsedBytes, Long storageLimitBytes, Long messageCount, Long messageLimit) {

    /** RFC 9208 §5: STORAGE is counted in units of 1024 octets. */
    public static long kibToBytes(long kib) {
        return Math.multiplyExact(kib, 1024L);
    }
}
