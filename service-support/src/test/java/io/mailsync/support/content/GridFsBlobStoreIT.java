package io.mailsync.support.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.mailsync.testkit.MongoKit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The shared content store on a MongoDB wire server through the real driver (ADR 0002). */
class GridFsBlobStoreIT {

    private static final byte[] MESSAGE = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aStoredBodyIsReadBackByItsReferenceFromTheMessagesBucket() throws Exception {
        String uri = MongoKit.uriForNewDatabase("content");
        try (GridFsBlobStore store = new GridFsBlobStore(uri); MongoClient client = MongoClients.create(uri)) {
            String reference = store.put("acct-1/INBOX:7:42", MESSAGE, Map.of("accountId", "acct-1"));

            assertThat(reference).matches("gridfs:[0-9a-f]{24}");
            try (InputStream body = store.open(reference).orElseThrow()) {
                assertThat(body.readAllBytes()).isEqualTo(MESSAGE);
            }
            // the layout another service (or an operator) finds: bucket "messages" in the URI's database
            var file = GridFSBuckets.create(client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase()),
                    GridFsBlobStore.BUCKET).find().first();
            assertThat(file.getObjectId()).isEqualTo(new ObjectId(reference.substring("gridfs:".length())));
            assertThat(file.getMetadata()).containsEntry("accountId", "acct-1")
                    .containsEntry("contentType", "message/rfc822");
        }
    }

    @Test
    void anUnknownOrMalformedReferenceFindsNothingAndDeletingTwiceIsHarmless() {
        try (GridFsBlobStore store = new GridFsBlobStore(MongoKit.uriForNewDatabase("content"))) {
            String reference = store.put("message.eml", MESSAGE, Map.of());

            assertThat(store.open("gridfs:" + new ObjectId().toHexString())).isEmpty();
            assertThat(store.open("gridfs:nope")).isEmpty();
            assertThat(store.open(null)).isEmpty();

            store.delete(reference);
            store.delete(reference);
            store.delete("gridfs:nope");
            assertThat(store.open(reference)).isEmpty();
        }
    }

    @Test
    void withoutTheSettingAServiceThatAsksForTheStoreRefusesToStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ContentStoreAutoConfiguration.class))
                .withBean(NeedsContent.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("mailsync.content.uri must name the content store"));
    }

    @Test
    void aServiceThatKeepsNoBodiesStartsWithoutTheSetting() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ContentStoreAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theSettingNamesTheDatabase() {
        String uri = MongoKit.uriForNewDatabase("content");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ContentStoreAutoConfiguration.class))
                .withPropertyValues("mailsync.content.uri=" + uri)
                .withBean(NeedsContent.class)
                .run(context -> {
                    String reference = context.getBean(NeedsContent.class).blobs.put("m.eml", MESSAGE, Map.of());
                    Optional<InputStream> body = context.getBean(GridFsBlobStore.class).open(reference);
                    assertThat(body).isPresent();
                    body.get().close();
                });
    }

    /** A content-store adapter, as the fetcher's and sync-service's are. */
    static class NeedsContent {
        final GridFsBlobStore blobs;

        NeedsContent(GridFsBlobStore blobs) {
            this.blobs = blobs;
        }
    }
}
