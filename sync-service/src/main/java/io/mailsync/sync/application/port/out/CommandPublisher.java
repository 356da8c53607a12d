package io.mailsync.sync.application.port.out;

import io.mailsync.events.MailCommand;

/** Sends work to the fetcher that owns the account; returns once the broker has it. */
public interface CommandPublisher {

    void send(MailCommand command);
}
