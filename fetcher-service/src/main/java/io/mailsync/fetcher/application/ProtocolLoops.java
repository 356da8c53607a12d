package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.Origin;
import io.mailsync.fetcher.application.port.out.MailServer;

/** Picks the loop for the account's protocol; each run lasts as long as one connection (IMAP) or the session (POP3). */
final class ProtocolLoops {

    private final MailServer imap;
    private final SyncContext with;

    ProtocolLoops(MailServer imap, HostBreakers breakers, SyncContext with) {
        this.imap = login -> breakers.connect(login.account().host(), login.account().port(),
                () -> imap.connect(login));
        this.with = with;
    }

    void run(AccountSpec account, String password, Origin origin, SessionControl control) {
        switch (account.protocol()) {
            case IMAP -> new ImapLoop(imap, with, origin).run(account, password, control);
            case POP3 -> throw new io.mailsync.fetcher.application.port.out.MailServerException.Unsupported(
                    "POP3 is not supported yet");
        }
    }
}
