package io.mailsync.sync.application.port.out;

import io.mailsync.events.MailCommand;
import java.util.concurrent.CompletionStage;

/** Sends work to the fetcher that owns the account. */
public interface CommandPublisher {

    /** Returns once the broker has the command; throws when it could not be sent. */
    void send(MailCommand command);

    /**
     * Hands the command to the broker without waiting: the stage completes when the broker has it, or exceptionally
     * when it could not be sent. For a command that is already safe elsewhere until then (a write-back in its
     * message's outbox), so the request that made it need not wait for the broker.
     */
    CompletionStage<Void> dispatch(MailCommand command);
}
