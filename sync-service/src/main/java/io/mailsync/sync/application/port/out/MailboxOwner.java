package io.mailsync.sync.application.port.out;

import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.SearchMailbox;
import java.util.concurrent.CompletableFuture;

/**
 * The fetcher that owns a mailbox, asked for what only the mail server has (DESIGN.md "Reads that need the server go
 * to the owner", issue 20): a request on the commands topic, its answer on the replies topic.
 */
public interface MailboxOwner {

    /**
     * Sends the request once the broker has it (else the future fails at once); the future completes with the owner's
     * answer, or fails with a timeout at the request's {@code answerBy}. The caller bounds its own wait below that.
     */
    CompletableFuture<MessageBodyFetched> fetchBody(FetchMessageBody request);

    /** A search run by the mail server ({@code UID SEARCH}); the same contract as {@link #fetchBody}. */
    CompletableFuture<MailboxSearched> search(SearchMailbox request);
}
