package io.mailsync.sync.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;
import java.util.Optional;

/** Reading messages with their canonical keywords: by id, by location on the server, a page of a folder. */
public interface MessageLookup {

    /** The account's message with that id, live or destroyed; ids never cross accounts. */
    Optional<StoredMessage> find(AccountId accountId, MessageId messageId);

    Optional<StoredMessage> findByLocator(AccountId accountId, MessageLocator locator);

    /** A page of live messages, newest received first ({@link ListingKey}), those after {@code after} if given. */
    List<StoredMessage> list(AccountId accountId, String folder, ListingKey after, int limit);
}
