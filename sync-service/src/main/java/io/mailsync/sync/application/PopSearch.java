package io.mailsync.sync.application;

import io.mailsync.events.SearchCriteria;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MimeReader;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.MessageStructure;
import io.mailsync.sync.domain.SearchQuery;
import io.mailsync.sync.domain.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 20's search for a POP3 mailbox, whose server has no SEARCH: over what mailsync keeps — envelope, arrival day
 * and keywords of every live message, and, for {@code text} and {@code has:attachment}, the stored bodies (read through
 * {@link MimeReader}, one message at a time). A scan, not an index: it reads up to {@link #MAX_SCANNED} messages.
 */
public class PopSearch {

    /** The newest messages a search looks at; an older one is not found (README "Known limits"). */
    static final int MAX_SCANNED = 20_000;
    private static final int PAGE = 500;

    private final MessageLookup messages;
    private final MessageBodies bodies;
    private final MimeReader mime;

    public PopSearch(MessageLookup messages, MessageBodies bodies, MimeReader mime) {
        this.messages = messages;
        this.bodies = bodies;
        this.mime = mime;
    }

    List<StoredMessage> search(Account account, SearchCriteria criteria, String folder) {
        AccountId id = account.accountId();
        List<StoredMessage> found = new ArrayList<>();
        ListingKey after = null;
        for (int scanned = 0; scanned < MAX_SCANNED; ) {
            List<StoredMessage> page = messages.list(id, folder, after, PAGE);
            for (StoredMessage m : page) {
                if (SearchQuery.matchesStored(criteria, m) && (!SearchQuery.needsBody(criteria)
                        || matchesBody(account, m, criteria))) {
                    found.add(m);
                }
            }
            scanned += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = ListingKey.of(page.getLast());
        }
        return found;
    }

    private boolean matchesBody(Account account, StoredMessage m, SearchCriteria criteria) {
        MessageStructure s;
        try {
            s = mime.structure(bodies.open(account, m));
        } catch (SyncProblems.NotFound noBody) {
            return false; // nothing kept to search in
        }
        boolean text = criteria.text() == null || SearchQuery.contains(m.envelope().subject(), criteria.text())
                || SearchQuery.contains(s.textBody(), criteria.text())
                || SearchQuery.contains(s.htmlBody(), criteria.text());
        boolean attachment = criteria.hasAttachment() == null
                || criteria.hasAttachment() == !s.attachments().isEmpty();
        return text && attachment;
    }
}
