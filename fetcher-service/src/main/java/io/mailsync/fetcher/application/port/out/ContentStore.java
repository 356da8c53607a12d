package io.mailsync.fetcher.application.port.out;

/**
 * Where raw messages are kept (claim check: events carry a reference and a size, never the body). A blob store
 * shared with the sync service, which serves {@code /raw} from it.
 */
public interface ContentStore {

    /** Stores the raw RFC 822 message; returns its reference, e.g. {@code gridfs:<id>}. */
    String put(String accountId, String locatorKey, byte[] rfc822);
}
