package io.mailsync.sync.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.PrivateSeen;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * {@code private_seen}: one document per (account, person, message) a person has read — none once they mark it
 * unread again, so the collection holds what was read, like a Dovecot private-flags index.
 */
@Component
class MongoPrivateSeen implements PrivateSeen {

    static final String COLLECTION = "private_seen";

    private final MongoTemplate mongo;

    MongoPrivateSeen(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("person", Sort.Direction.ASC).on("messageId", Sort.Direction.ASC).unique());
    }

    @Override
    public Set<MessageId> seenAmong(AccountId accountId, String person, Collection<MessageId> messages) {
        Set<MessageId> seen = new HashSet<>();
        if (messages.isEmpty()) {
            return seen;
        }
        mongo.getCollection(COLLECTION).find(Filters.and(of(accountId, person),
                        Filters.in("messageId", messages.stream().map(MessageId::value).toList())))
                .forEach(doc -> seen.add(MessageId.of(doc.getString("messageId"))));
        return seen;
    }

    @Override
    public void mark(AccountId accountId, String person, MessageId messageId, boolean seen) {
        Bson one = Filters.and(of(accountId, person), Filters.eq("messageId", messageId.value()));
        if (seen) {
            mongo.getCollection(COLLECTION).replaceOne(one, new Document("accountId", accountId.value())
                    .append("person", person).append("messageId", messageId.value()), new ReplaceOptions().upsert(true));
        } else {
            mongo.getCollection(COLLECTION).deleteMany(one);
        }
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        mongo.getCollection(COLLECTION).deleteMany(Filters.eq("accountId", accountId.value()));
    }

    private static Bson of(AccountId accountId, String person) {
        return Filters.and(Filters.eq("accountId", accountId.value()), Filters.eq("person", person));
    }
}
