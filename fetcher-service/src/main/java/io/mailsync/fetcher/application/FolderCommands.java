package io.mailsync.fetcher.application;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxFolders;
import io.mailsync.fetcher.application.port.out.MailboxFolders.Found;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11's commands on an IMAP connection: APPEND a message (a sent copy, a draft, a restored message) and MOVE one
 * (to the shared Trash). Both are safe to repeat: a connection can drop after the server did the work but before it
 * answered, and the session then retries the command on its next connection. So an APPEND first looks for the
 * Message-ID with the same size in the target folder, and a MOVE whose message is gone looks for it in the target.
 * A lost connection propagates ({@link MailServerException.Unreachable}); a refusal is logged, never looped.
 */
final class FolderCommands {

    private static final Logger log = LoggerFactory.getLogger(FolderCommands.class);

    private final ContentStore contents;

    FolderCommands(ContentStore contents) {
        this.contents = contents;
    }

    void append(MailboxFolders c, AppendMessage append) {
        Optional<byte[]> body = contents.get(append.contentRef());
        if (body.isEmpty()) {
            log.warn("account {}: AppendMessage {} dropped: the content store has no {}", append.accountId(),
                    append.commandId(), append.contentRef());
            return;
        }
        Set<Keyword> keywords = Wire.keywordsOf(append.flags()); // a malformed one refuses the command
        try {
            String folder = c.resolveFolder(append.folder(), append.specialUse());
            String header = append.messageIdHeader();
            List<Found> before = header == null ? List.of() : c.findByMessageId(folder, header);
            long size = body.get().length;
            if (before.stream().anyMatch(found -> found.size() == size)) {
                log.info("account {}: AppendMessage {} already in {} (a retry after a lost answer)",
                        append.accountId(), append.commandId(), folder);
            } else {
                c.append(folder, null, body.get(), keywords, append.receivedAt());
                log.info("account {}: appended {} ({} bytes) to {}", append.accountId(), append.commandId(), size,
                        folder);
            }
            if (append.replacesMessageIdHeader() != null) {
                expungeReplaced(c, append, folder, size);
            }
        } catch (MailServerException.Unreachable lost) {
            throw lost;
        } catch (MailServerException e) {
            log.warn("account {}: AppendMessage {} refused: {}", append.accountId(), append.commandId(),
                    e.getMessage());
        }
    }

    /**
     * A replaced draft: every copy of the old version, never the new one (a device may keep the Message-ID across
     * versions; then the new copy is the one with the new size, found before anything is expunged).
     */
    private static void expungeReplaced(MailboxFolders c, AppendMessage append, String folder, long size) {
        List<Found> copies = c.findByMessageId(folder, append.replacesMessageIdHeader());
        boolean sameHeader = append.replacesMessageIdHeader().equals(append.messageIdHeader());
        List<Uid> old = copies.stream().filter(found -> !(sameHeader && found.size() == size))
                .map(Found::uid).toList();
        if (!old.isEmpty() && !c.expunge(folder, old)) {
            log.warn("account {}: the draft replaced by {} is flagged \\Deleted in {} but not expunged: the server"
                    + " has no UIDPLUS and another message there is \\Deleted too", append.accountId(),
                    append.commandId(), folder);
        }
    }

    void move(MailboxFolders c, MoveMessage move) {
        try {
            String target = c.resolveFolder(move.toFolder(), move.toSpecialUse());
            if (target.equals(move.from().folder())) {
                return;
            }
            if (c.move(move.from(), target)) {
                log.info("account {}: moved {} to {}", move.accountId(), move.commandId(), target);
                return;
            }
            boolean there = move.messageIdHeader() != null && !c.findByMessageId(target, move.messageIdHeader())
                    .isEmpty();
            if (!there) {
                log.warn("account {}: MoveMessage {}: no message at {} to move", move.accountId(), move.commandId(),
                        move.from().key());
            }
        } catch (MailServerException.Unreachable lost) {
            throw lost;
        } catch (MailServerException e) {
            log.warn("account {}: MoveMessage {} refused: {}", move.accountId(), move.commandId(), e.getMessage());
        }
    }
}
