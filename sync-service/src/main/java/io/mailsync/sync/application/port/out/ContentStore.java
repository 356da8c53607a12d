package io.mailsync.sync.application.port.out;

import java.io.InputStream;
import java.util.Optional;

/**
 * The shared blob store the fetcher writes message bodies to (claim check, ADR 0002). sync-service reads by
 * reference, stores the copies devices file (sent mail), and deletes the bodies of deleted mail past its window.
 */
public interface ContentStore {

    /** The RFC 822 bytes behind {@code contentRef}, or empty when the store does not have them. */
    Optional<InputStream> open(String contentRef);

    /** Stores RFC 822 bytes and returns their reference; fails when no content store is configured. */
    String store(byte[] rfc822);

    /** Removes the body behind {@code contentRef}; nothing happens if it is already gone. */
    void delete(String contentRef);
}
