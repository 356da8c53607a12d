package io.mailsync.fetcher.application;

import io.mailsync.events.MailCommand;
import java.util.Objects;

/**
 * A command held for its session, with what to do once it took effect on the server or was refused by it for good
 * ({@code done}: the inbound adapter commits its offset then, issue 15). A command dropped without {@code done} — its
 * account moved to another fetcher, this process died — is delivered again to the next owner.
 */
record PendingCommand(MailCommand command, Runnable done) {

    PendingCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(done, "done");
    }

    void complete() {
        done.run();
    }
}
