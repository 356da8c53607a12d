package io.mailsync.fetcher.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.CursorStoreContract;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.testkit.MongoKit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB adapter against the wire server, held to the port's contract. */
class MongoCursorStoreTest implements CursorStoreContract {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-cursors-test");

    private final MongoCursorStore store = new MongoCursorStore(MONGO);

    @Override
    public CursorStore store() {
        return store;
    }

    /**
     * Issue 21 kept the documents: an index entry written before it, with a flag as the server spelled it and one no
     * keyword can spell, reads as the keywords the server's report now yields, so the first comparison after an
     * upgrade announces no change that is not one.
     */
    @Test
    void anIndexEntryWrittenBeforeTheTypedVocabularyReadsAsKeywords() {
        String account = "acc-" + UUID.randomUUID();
        MONGO.insert(new Document("_id", account + "|INBOX|7|3").append("accountId", account).append("folder", "INBOX")
                .append("uidValidity", 7L).append("uid", 3L)
                .append("keywords", List.of("$seen", "Work", "x".repeat(256))), MongoCursorStore.INDEX);

        assertThat(store.loadIndex(AccountId.of(account), "INBOX", new UidValidity(7)))
                .isEqualTo(Map.of(new Uid(3), Set.of(Keyword.SEEN, Keyword.of("work"))));
    }
}
