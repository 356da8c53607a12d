package io.mailsync.fetcher.application;

import io.mailsync.events.AccountStatusChanged.Status;

/** What a protocol loop may ask of the session that runs it. */
interface SessionControl {

    /** False once the session is stopping, must reconnect with a new registration, or may no longer act. */
    boolean running();

    /** The loop holds {@code connection}: a stop closes it from outside (null: holds none). */
    void holding(AutoCloseable connection);

    /** A new connection is up: from now the back-off resets once it has been stable long enough. */
    void connected();

    void status(Status status);

    /** The next command for this account, or null. Its offset is committed once the loop calls its complete(). */
    PendingCommand nextCommand();

    /** A command that could not be applied because the connection failed: first in line after reconnecting. */
    void retryFirst(PendingCommand command);

    /** Ends the span of a command left applying on the calling thread, if any (its loop failed mid-command). */
    void endApplying();

    /** Waits, woken early by a stop or a new registration. */
    void pause(java.time.Duration duration);

    /** Called with a way to interrupt the loop's wait when a command arrives (null: none). */
    void onCommand(Runnable wakeUp);
}
