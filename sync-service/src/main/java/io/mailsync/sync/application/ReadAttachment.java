package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MimeReader;
import io.mailsync.sync.domain.PartContent;
import io.mailsync.sync.domain.PartId;

/**
 * One part of a message by its IMAP part id (issue 20), transfer encoding undone, spooled to a file the caller serves
 * (in ranges, if asked) and then deletes. A part id that cannot be one is a 400; a message without that part a 404.
 */
public class ReadAttachment {

    private final ReadRawMessage raw;
    private final MimeReader mime;

    public ReadAttachment(ReadRawMessage raw, MimeReader mime) {
        this.raw = raw;
        this.mime = mime;
    }

    public PartContent open(Caller caller, AccountId accountId, String messageId, String partId) {
        PartId part = PartId.of(partId); // before anything is read: a malformed id is the caller's mistake
        return mime.part(raw.open(caller, accountId, messageId), part).orElseThrow(() -> new SyncProblems.NotFound(
                "message " + messageId + " has no part " + partId));
    }
}
