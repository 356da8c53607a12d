package io.mailsync.fetcher.adapter.out.gridfs;

import com.mongodb.ConnectionString;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import java.util.Optional;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.mailsync.fetcher.application.port.out.ContentStore;
import java.io.ByteArrayInputStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Raw messages in GridFS ({@code gridfs:<ObjectId hex>}), written before the event that references them. The
 * database is a blob store the team shares like an S3 bucket, not another service's collections.
 */
@Component
class GridFsContentStore implements ContentStore, DisposableBean {

    static final String BUCKET = "messages";

    private final ConnectionString connection;
    private MongoClient client;
    private GridFSBucket bucket;

    GridFsContentStore(@Value("${mailsync.content.uri}") String uri) {
        this.connection = new ConnectionString(uri);
    }

    /** Connected on first use: a fetcher whose accounts store no bodies never opens the blob store. */
    private synchronized GridFSBucket bucket() {
        if (bucket == null) {
            client = MongoClients.create(connection);
            String database = connection.getDatabase() == null ? "mailsync-content" : connection.getDatabase();
            bucket = GridFSBuckets.create(client.getDatabase(database), BUCKET);
        }
        return bucket;
    }

    @Override
    public String put(String accountId, String locatorKey, byte[] rfc822) {
        GridFSUploadOptions options = new GridFSUploadOptions().metadata(new Document("accountId", accountId)
                .append("locator", locatorKey).append("contentType", "message/rfc822"));
        ObjectId id = bucket().uploadFromStream(accountId + "/" + locatorKey, new ByteArrayInputStream(rfc822), options);
        return "gridfs:" + id.toHexString();
    }

    @Override
    public Optional<byte[]> get(String contentRef) {
        if (contentRef == null || !contentRef.startsWith("gridfs:")
                || !ObjectId.isValid(contentRef.substring("gridfs:".length()))) {
            return Optional.empty();
        }
        try (GridFSDownloadStream in = bucket().openDownloadStream(new ObjectId(contentRef.substring(7)))) {
            return Optional.of(in.readAllBytes());
        } catch (MongoGridFSException notThere) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
