package io.mailsync.archclean.application;

import io.mailsync.archclean.application.port.out.MailboxStore;

public class CountMail {

    private final MailboxStore store;

    public CountMail(MailboxStore store) {
        this.store = store;
    }

    public int count(String accountId) {
        return store.find(accountId).seen().size();
    }
}
