package io.mailsync.sync.application.port.out;

import java.io.InputStream;
import java.util.Optional;

/** The shared blob store the fetcher writes message bodies to (claim check); read-only here. */
public interface ContentStore {

    /** The RFC 822 bytes behind {@code contentRef}, or empty when the store does not have them. */
    Optional<InputStream> open(String contentRef);
}
