package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.AccountSpec;
import java.util.List;
import org.bson.Document;

/** A mailbox's grants as the account document holds them (issue 23): {@code grants: [{person, scopes, ...}]}. */
final class GrantDocs {

    static final String FIELD = "grants";

    private GrantDocs() {
    }

    static List<Document> toDocuments(List<AccountSpec.Grant> grants) {
        return grants == null ? null : grants.stream().map(GrantDocs::toDocument).toList();
    }

    static Document toDocument(AccountSpec.Grant grant) {
        return new Document("person", grant.person()).append("scopes", grant.scopes())
                .append("contactAddress", grant.contactAddress()).append("grantedAt", date(grant.grantedAt()));
    }

    /** The grants of an account document; null when it has none (as a spec without grants says it). */
    static List<AccountSpec.Grant> fromDocument(Document account) {
        List<Document> grants = account.getList(FIELD, Document.class);
        if (grants == null || grants.isEmpty()) {
            return null;
        }
        return grants.stream().map(g -> new AccountSpec.Grant(g.getString("person"), Docs.strings(g, "scopes"),
                g.getString("contactAddress"), instant(g, "grantedAt"))).toList();
    }
}
