package io.mailsync.sync.adapter.out.gridfs;

import com.mongodb.ConnectionString;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.mailsync.sync.application.port.out.ContentStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The content store is GridFS in the database named by {@code mailsync.content.uri} (ADR 0002). The setting is
 * required: without it {@code /raw}, sent mail and drafts cannot work, and issue 17 found production running without
 * it unnoticed — so the service refuses to start instead.
 */
@Component
class GridFsContentStore implements ContentStore, DisposableBean {

    private static final String PREFIX = "gridfs:";
    /** The bucket the fetcher writes to (ADR 0002); GridFS's default "fs" would find nothing. */
    static final String BUCKET = "messages";

    private final MongoClient client;
    private final GridFSBucket bucket;

    GridFsContentStore(@Value("${mailsync.content.uri:}") String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("mailsync.content.uri must name the content store (a GridFS database,"
                    + " e.g. mongodb://host:27017/mailsync-content): message bodies, sent mail and drafts live there");
        }
        ConnectionString connection = new ConnectionString(uri);
        String database = connection.getDatabase() == null ? "mailsync-content" : connection.getDatabase();
        this.client = MongoClients.create(connection);
        this.bucket = GridFSBuckets.create(client.getDatabase(database), BUCKET);
    }

    @Override
    public Optional<InputStream> open(String contentRef) {
        if (bucket == null || contentRef == null || !contentRef.startsWith(PREFIX)
                || !ObjectId.isValid(contentRef.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(bucket.openDownloadStream(new ObjectId(contentRef.substring(PREFIX.length()))));
        } catch (MongoGridFSException notThere) {
            return Optional.empty();
        }
    }

    @Override
    public String store(byte[] rfc822) {
        if (bucket == null) {
            throw new IllegalStateException("no content store is configured (mailsync.content.uri)");
        }
        return PREFIX + bucket.uploadFromStream("message.eml", new ByteArrayInputStream(rfc822)).toHexString();
    }

    @Override
    public void delete(String contentRef) {
        if (bucket == null || contentRef == null || !contentRef.startsWith(PREFIX)
                || !ObjectId.isValid(contentRef.substring(PREFIX.length()))) {
            return;
        }
        try {
            bucket.delete(new ObjectId(contentRef.substring(PREFIX.length())));
        } catch (MongoGridFSException alreadyGone) {
            // deleted by an earlier run that did not get to record it
        }
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
