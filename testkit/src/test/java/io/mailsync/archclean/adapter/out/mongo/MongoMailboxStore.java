package io.mailsync.archclean.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import io.mailsync.archclean.application.port.out.MailboxStore;
import io.mailsync.archclean.domain.Mailbox;
import java.util.List;
import org.bson.Document;

class MongoMailboxStore implements MailboxStore {

    private final MongoCollection<Document> mailboxes;

    MongoMailboxStore(MongoCollection<Document> mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Mailbox find(String accountId) {
        return new Mailbox(mailboxes.find().first().getString("accountId"), List.of());
    }
}
