package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.AccountId;

/**
 * Where raw messages are kept (claim check: events carry a reference and a size, never the body). A blob store
 * shared with the sync service, which serves {@code /raw} from it.
 */
public interface ContentStore {

    /** Stores the raw RFC 822 message; returns its reference, e.g. {@code gridfs:<id>}. */
    String put(AccountId accountId, String locatorKey, byte[] rfc822);

    /**
     * The bytes behind {@code contentRef} (a message mailsync puts back on the server: issue 11 {@code AppendMessage});
     * empty when the store does not have them. A store that only writes has nothing to read.
     */
    default java.util.Optional<byte[]> get(String contentRef) {
        return java.util.Optional.empty();
    }
}
