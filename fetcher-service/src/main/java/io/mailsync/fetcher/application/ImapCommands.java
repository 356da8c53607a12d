package io.mailsync.fetcher.application;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MailCommand;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.SetFlags;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An IMAP session's write-back and on-demand commands, applied on its connection between two waits. */
final class ImapCommands {

    private static final Logger log = LoggerFactory.getLogger(ImapCommands.class);
    private static final String INBOX = "INBOX";
    /** Attempts at a command that fails neither by the connection, the claim nor the server's refusal. */
    static final int ATTEMPTS = 3;

    private final Fence fence;
    private final BodyFetches bodies;
    private final FolderCommands folderCommands;

    ImapCommands(Fence fence, BodyFetches bodies, FolderCommands folderCommands) {
        this.fence = fence;
        this.bodies = bodies;
        this.folderCommands = folderCommands;
    }

    /**
     * Applies the queued commands, each completed (its offset committed) only once the server has it or refused it
     * for good (issue 15). A lost connection, a lost claim or a failed owner check (the epoch store unreachable) puts
     * it back first in line: the next connection — or, should the account move, its next owner — applies it again,
     * and each command is safe to repeat. Any other failure while applying it (a store, the broker) puts it back too,
     * up to {@link #ATTEMPTS} times; a command that fails every time is then given up with an error in the log, so
     * it cannot hold its account's later commands back for good.
     */
    void applyAll(SessionControl control, FolderSync sync, OtherFolders others, MailboxConnection c,
                  RemoteFolder inbox) {
        PendingCommand next = control.nextCommand();
        if (next != null) {
            try {
                fence.checkOwner(); // a stale owner must not write to the server
            } catch (RuntimeException e) {
                control.retryFirst(next); // the claim is lost or could not be checked: not the command's fault
                throw e;
            }
        }
        for (; next != null; next = control.nextCommand()) {
            try {
                apply(next.command(), sync, others, c, inbox);
            } catch (MailServerException.Unreachable | OwnershipLost e) {
                control.retryFirst(next); // the connection or the claim failed, not the command
                throw e;
            } catch (MailServerException | IllegalArgumentException e) {
                // refused by the server or not expressible: retrying cannot help, and must not loop
                log.warn("account {}: {} {} refused: {}", next.command().accountId(),
                        next.command().getClass().getSimpleName(), next.command().commandId(), e.getMessage());
            } catch (RuntimeException e) {
                PendingCommand failed = next.failedOnce();
                if (failed.failures() < ATTEMPTS || !control.running()) { // a stopping session gives up nothing
                    control.retryFirst(failed); // the session reports the failure and connects again after a pause
                    throw e;
                }
                log.error("account {}: {} {} given up after {} failed attempts", next.command().accountId(),
                        next.command().getClass().getSimpleName(), next.command().commandId(), ATTEMPTS, e);
            }
            next.complete();
        }
    }

    private void apply(MailCommand command, FolderSync sync, OtherFolders others, MailboxConnection c,
                       RemoteFolder inbox) {
        switch (command) {
            // issue 20: on the selected INBOX, or on a folder opened for it
            case FetchMessageBody fetch when INBOX.equalsIgnoreCase(fetch.locator().folder()) ->
                    bodies.answer(fetch, inbox, fence.epoch());
            case FetchMessageBody fetch -> bodies.answerElsewhere(fetch, c, fence.epoch());
            case SearchMailbox search -> bodies.searches().answer(search, inbox, c, fence.epoch());
            case AppendMessage append -> folderCommands.append(c, append); // finds a lost-answer copy by Message-ID
            case MoveMessage move -> folderCommands.move(c, move);
            case SetFlags setFlags when !setFlags.locator().isPop3()
                    && !INBOX.equalsIgnoreCase(setFlags.locator().folder()) -> others.apply(setFlags);
            case SetFlags setFlags -> sync.apply(setFlags);
            default -> log.debug("account {}: {} is not for IMAP", command.accountId(), command.getClass());
        }
    }

}
