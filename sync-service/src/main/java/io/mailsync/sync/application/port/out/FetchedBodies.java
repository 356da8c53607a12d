package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.FetchedBody;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bodies fetched on demand and kept for a while (issue 20): at most one per message. */
public interface FetchedBodies {

    Optional<FetchedBody> find(AccountId accountId, MessageId messageId);

    /**
     * Keeps {@code body} unless one is kept for the message already (two replicas fetched it at once): answers the
     * one kept, so the caller can drop the copy it does not need.
     */
    FetchedBody keep(FetchedBody body);

    /** Up to {@code limit} bodies whose keeping ended before {@code now}. */
    List<FetchedBody> expiredBefore(Instant now, int limit);

    void forget(FetchedBody body);
}
