package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.HostLogin;
import java.net.URI;
import org.bson.Document;

/** A {@link HostLogin} as a sub-document (issue 22): on a mail host, and copied onto each of its mailboxes. */
final class HostLoginDocs {

    private HostLoginDocs() {
    }

    static Document toDocument(HostLogin login) {
        if (login == null) {
            return null;
        }
        HostLogin.OAuthClient oauth = login.oauth();
        return new Document("hostId", login.hostId())
                .append("mechanism", login.mechanism().name())
                .append("masterUsername", login.masterUsername())
                .append("encryptedMasterSecret", login.encryptedMasterSecret())
                .append("masterSeparator", login.masterSeparator())
                .append("oauth", oauth == null ? null : new Document("tokenEndpoint", oauth.tokenEndpoint().toString())
                        .append("clientId", oauth.clientId())
                        .append("encryptedClientSecret", oauth.encryptedClientSecret())
                        .append("scope", oauth.scope()))
                .append("connectionBudget", login.connectionBudget());
    }

    static HostLogin from(Document doc) {
        if (doc == null) {
            return null;
        }
        Document oauth = doc.get("oauth", Document.class);
        return new HostLogin(doc.getString("hostId"), HostLogin.Mechanism.valueOf(doc.getString("mechanism")),
                doc.getString("masterUsername"), doc.getString("encryptedMasterSecret"),
                doc.getString("masterSeparator"), oauth == null ? null : new HostLogin.OAuthClient(
                        URI.create(oauth.getString("tokenEndpoint")), oauth.getString("clientId"),
                        oauth.getString("encryptedClientSecret"), oauth.getString("scope")),
                doc.getInteger("connectionBudget"));
    }
}
