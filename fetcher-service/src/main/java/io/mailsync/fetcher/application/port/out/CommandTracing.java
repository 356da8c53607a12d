package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.MailCommand;

/**
 * Carries a command's trace from the thread it arrived on (the Kafka listener, which continued the sender's trace
 * from the record's headers) to the session thread that applies it on the mail server, so one API request is one
 * trace down to the STORE or APPEND (issue 17).
 */
public interface CommandTracing {

    /** Traces nothing: for tests and wiring without an observation registry. */
    CommandTracing NONE = command -> () -> () -> { };

    /** Called where the command arrives, while the trace it belongs to is current. */
    Carried capture(MailCommand command);

    /** A command's trace on its way to the session. */
    interface Carried {
        /** Starts the write-back span on the calling thread; it stays current until {@link Span#end()}. */
        Span begin();
    }

    /** The write-back of one command. */
    interface Span {
        /** Ends the span on the thread that began it. */
        void end();
    }
}
