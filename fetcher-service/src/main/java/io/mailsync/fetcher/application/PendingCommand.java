package io.mailsync.fetcher.application;

import io.mailsync.events.MailCommand;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import java.util.Objects;

/**
 * A command held for its session, with what to do once it took effect on the server or was refused by it for good
 * ({@code done}: the inbound adapter commits its offset then, issue 15). A command dropped without {@code done} — its
 * account moved to another fetcher, this process died — is delivered again to the next owner. It carries the trace it
 * arrived in, so its write-back on the session's thread continues the sender's trace (issue 17). {@code failures}
 * counts the attempts that failed for a reason that is neither the connection, the claim nor the server's refusal.
 */
record PendingCommand(MailCommand command, Runnable done, CommandTracing.Carried trace, int failures) {

    PendingCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(trace, "trace");
    }

    PendingCommand(MailCommand command, Runnable done, CommandTracing.Carried trace) {
        this(command, done, trace, 0);
    }

    PendingCommand(MailCommand command, Runnable done) {
        this(command, done, CommandTracing.NONE.capture(command));
    }

    void complete() {
        done.run();
    }

    /** The same command, with one more failed attempt counted. */
    PendingCommand failedOnce() {
        return new PendingCommand(command, done, trace, failures + 1);
    }
}
