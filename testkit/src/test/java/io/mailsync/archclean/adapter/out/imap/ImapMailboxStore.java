package io.mailsync.archclean.adapter.out.imap;

import io.mailsync.archclean.adapter.out.mime.FolderNames;
import io.mailsync.archclean.application.port.out.MailboxStore;
import io.mailsync.archclean.domain.Mailbox;
import jakarta.mail.Folder;
import java.util.List;

class ImapMailboxStore implements MailboxStore {

    private final Folder inbox;

    ImapMailboxStore(Folder inbox) {
        this.inbox = inbox;
    }

    @Override
    public Mailbox find(String accountId) {
        return new Mailbox(FolderNames.of(inbox), List.of());
    }
}
