package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MimeReader;
import io.mailsync.sync.domain.MessageStructure;
import java.io.InputStream;

/**
 * What a message holds (issue 20): header, text and HTML bodies decoded, the attachments list — read from its bytes,
 * stored or fetched from the mail server on demand ({@link ReadRawMessage}).
 */
public class ReadMessageStructure {

    private final ReadRawMessage raw;
    private final MimeReader mime;

    public ReadMessageStructure(ReadRawMessage raw, MimeReader mime) {
        this.raw = raw;
        this.mime = mime;
    }

    public MessageStructure read(Caller caller, AccountId accountId, String messageId) {
        InputStream rfc822 = raw.open(caller, accountId, messageId);
        return mime.structure(rfc822); // the reader closes the stream once spooled
    }
}
