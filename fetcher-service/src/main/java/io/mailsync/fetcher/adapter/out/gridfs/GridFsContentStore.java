package io.mailsync.fetcher.adapter.out.gridfs;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.support.content.GridFsBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Raw messages in the shared content store (ADR 0002; service-support's {@link GridFsBlobStore}), written before the
 * event that references them, named and tagged with the account and locator so an operator can tell whose they are.
 */
@Component
record GridFsContentStore(GridFsBlobStore blobs) implements ContentStore {

    @Override
    public String put(AccountId accountId, String locatorKey, byte[] rfc822) {
        return blobs.put(accountId.value() + "/" + locatorKey, rfc822,
                Map.of("accountId", accountId.value(), "locator", locatorKey));
    }

    @Override
    public Optional<byte[]> get(String contentRef) {
        return blobs.open(contentRef).map(GridFsContentStore::readAll);
    }

    private static byte[] readAll(InputStream body) {
        try (body) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
