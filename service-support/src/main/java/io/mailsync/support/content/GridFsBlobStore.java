package io.mailsync.support.content;

import com.mongodb.ConnectionString;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Message bodies in GridFS bucket {@code messages} (ADR 0002), addressed by {@link ContentReference}. The database
 * is blob storage the services share like an S3 bucket, never queried other than by reference. The connection opens
 * on first use: a fetcher whose accounts keep no bodies never opens it. Each service adapts this to its own port.
 */
public final class GridFsBlobStore implements AutoCloseable {

    /** The bucket both services use; GridFS's default {@code fs} would find nothing. */
    public static final String BUCKET = "messages";
    static final String DEFAULT_DATABASE = "mailsync-content";

    private final ConnectionString connection;
    private MongoClient client;
    private GridFSBucket bucket;

    /** Fails at once, naming the setting, when {@code uri} is missing or not a MongoDB URI (issue 17). */
    public GridFsBlobStore(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("mailsync.content.uri must name the content store (a GridFS database,"
                    + " e.g. mongodb://host:27017/mailsync-content): message bodies, sent mail and drafts live there");
        }
        this.connection = new ConnectionString(uri);
    }

    private synchronized GridFSBucket bucket() {
        if (bucket == null) {
            client = MongoClients.create(connection);
            String database = connection.getDatabase() == null ? DEFAULT_DATABASE : connection.getDatabase();
            bucket = GridFSBuckets.create(client.getDatabase(database), BUCKET);
        }
        return bucket;
    }

    /** Stores {@code rfc822} under {@code filename} with {@code metadata}; returns its reference. */
    public String put(String filename, byte[] rfc822, Map<String, String> metadata) {
        Document meta = new Document(metadata).append("contentType", "message/rfc822");
        ObjectId id = bucket().uploadFromStream(filename, new ByteArrayInputStream(rfc822),
                new GridFSUploadOptions().metadata(meta));
        return ContentReference.of(id.toHexString());
    }

    /** The bytes behind {@code reference} as a stream the caller closes; empty when the store does not have them. */
    public Optional<InputStream> open(String reference) {
        Optional<String> id = ContentReference.objectIdHex(reference);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(bucket().openDownloadStream(new ObjectId(id.get())));
        } catch (MongoGridFSException notThere) {
            return Optional.empty();
        }
    }

    /** Removes the body behind {@code reference}; nothing happens if it is already gone or never was. */
    public void delete(String reference) {
        Optional<String> id = ContentReference.objectIdHex(reference);
        if (id.isEmpty()) {
            return;
        }
        try {
            bucket().delete(new ObjectId(id.get()));
        } catch (MongoGridFSException alreadyGone) {
            // deleted by an earlier run that did not get to record it
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
