package io.mailsync.sync.adapter.out.gridfs;

import io.mailsync.support.content.GridFsBlobStore;
import io.mailsync.sync.application.port.out.ContentStore;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The shared content store (ADR 0002; service-support's {@link GridFsBlobStore}, from {@code mailsync.content.uri}).
 * The setting is required: without it {@code /raw}, sent mail and drafts cannot work, and issue 17 found production
 * running without it unnoticed — this adapter is made at startup, so the service refuses to start instead.
 */
@Component
record GridFsContentStore(GridFsBlobStore blobs) implements ContentStore {

    @Override
    public Optional<InputStream> open(String contentRef) {
        return blobs.open(contentRef);
    }

    @Override
    public String store(byte[] rfc822) {
        return blobs.put("message.eml", rfc822, Map.of());
    }

    @Override
    public void delete(String contentRef) {
        blobs.delete(contentRef);
    }
}
