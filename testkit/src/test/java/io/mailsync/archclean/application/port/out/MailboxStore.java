package io.mailsync.archclean.application.port.out;

import io.mailsync.archclean.domain.Mailbox;

public interface MailboxStore {

    Mailbox find(String accountId);
}
