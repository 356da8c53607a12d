package io.mailsync.sync.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;
import java.util.Optional;

/** Reading messages with their canonical keywords: by id, by location on the server, a page of a folder. */
public interface MessageLookup {

    /** The account's message with that id, live or destroyed; ids never cross accounts. */
    Optional<StoredMessage> find(String accountId, String messageId);

    Optional<StoredMessage> findByLocator(String accountId, MessageLocator locator);

    /** A page of live messages, newest first, created before {@code beforeCreatedModseq} when given. */
    List<StoredMessage> list(String accountId, String folder, Long beforeCreatedModseq, int limit);
}
