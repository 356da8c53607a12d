package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CommandReplies;
import io.mailsync.fetcher.application.port.out.AccessTokens;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.HostSlots;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import io.mailsync.fetcher.application.port.out.Pop3Server;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;

/** Everything the sessions reach the world through ({@code slots}: the hosts' connection budgets,
 * {@code refreshTokens}: OAuth refresh tokens the endpoints rotated; issue 22). */
public record Ports(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops, ContentStore contents,
                    MailEventPublisher publisher, OwnerEpochs epochs, CommandTracing tracing, CommandReplies replies,
                    AccessTokens tokens, HostSlots slots, RotatedRefreshTokens refreshTokens) {

    /** Without answers to reads or an OAuth token client (tests that need neither). */
    public Ports(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops, ContentStore contents,
                 MailEventPublisher publisher, OwnerEpochs epochs, CommandTracing tracing) {
        this(imap, pop3, cursors, drops, contents, publisher, epochs, tracing, CommandReplies.NONE, AccessTokens.NONE,
                new InProcessHostSlots(), RotatedRefreshTokens.NONE);
    }

    public Ports(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops, ContentStore contents,
                 MailEventPublisher publisher, OwnerEpochs epochs) {
        this(imap, pop3, cursors, drops, contents, publisher, epochs, CommandTracing.NONE);
    }
}
