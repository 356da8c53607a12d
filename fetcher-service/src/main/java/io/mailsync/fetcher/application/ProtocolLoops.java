package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.Origin;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.HostSlots;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.Pop3Server;
import java.util.function.Supplier;

/** Picks the loop for the account's protocol; each run lasts as long as one connection (IMAP) or the session (POP3). */
final class ProtocolLoops {

    private final MailServer imap;
    private final Pop3Server pop3;
    private final MaildropStore drops;
    private final ContentStore contents;
    private final SyncContext with;
    private final BodyFetches bodies;
    /** Issue 22: shared by every session of this fetcher, and through the slots by every fetcher. */
    private final HostBudgets budgets;

    ProtocolLoops(MailServer imap, Pop3Server pop3, MaildropStore drops, ContentStore contents, HostBreakers breakers,
                  SyncContext with, BodyFetches bodies, HostSlots slots) {
        this.budgets = new HostBudgets(slots);
        this.imap = login -> breakers.connect(login.account().host(), login.account().port(),
                () -> imap.connect(login));
        this.pop3 = login -> breakers.connect(login.account().host(), login.account().port(),
                () -> pop3.connect(login));
        this.drops = drops;
        this.contents = contents;
        this.with = with;
        this.bodies = bodies;
    }

    /** Runs with the session's {@code fence}: its events carry the owner epoch, its cursor writes are checked. */
    void run(AccountSpec account, Supplier<MailLogin> login, Origin origin, SessionControl control, Fence fence) {
        SyncContext fenced = with.fencedBy(fence);
        switch (account.protocol()) {
            case IMAP -> new ImapLoop(imap, fenced, origin, fence, bodies, budgets.of(account))
                    .run(account, login, control);
            case POP3 -> new Pop3Loop(pop3, fence.guard(drops), contents, fenced, origin, budgets.of(account))
                    .run(account, login, control);
        }
    }
}
