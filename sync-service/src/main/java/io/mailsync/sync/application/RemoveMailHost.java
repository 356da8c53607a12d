package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.HostedMailboxes;
import io.mailsync.sync.application.port.out.MailHostStore;

/** Removes a mail host that no mailbox uses any more (issue 22): one in use would leave its mailboxes unable to log in. */
public class RemoveMailHost {

    private final MailHostStore hosts;
    private final HostedMailboxes mailboxes;

    public RemoveMailHost(MailHostStore hosts, HostedMailboxes mailboxes) {
        this.hosts = hosts;
        this.mailboxes = mailboxes;
    }

    public void remove(Caller caller, String id) {
        MailHostAccess.requireOperator(caller);
        MailHostAccess.require(hosts, id);
        int using = mailboxes.on(id).size();
        if (using > 0) {
            throw new SyncProblems.Conflict("mail host " + id + " still has " + using + " mailboxes; remove them first");
        }
        hosts.delete(id);
    }
}
