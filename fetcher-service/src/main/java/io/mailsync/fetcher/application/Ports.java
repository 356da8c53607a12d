package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import io.mailsync.fetcher.application.port.out.Pop3Server;

/** Everything the sessions reach the world through. */
public record Ports(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops, ContentStore contents,
                    MailEventPublisher publisher, OwnerEpochs epochs, CommandTracing tracing) {

    public Ports(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops, ContentStore contents,
                 MailEventPublisher publisher, OwnerEpochs epochs) {
        this(imap, pop3, cursors, drops, contents, publisher, epochs, CommandTracing.NONE);
    }
}
