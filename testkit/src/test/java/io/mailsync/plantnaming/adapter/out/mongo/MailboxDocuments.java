package io.mailsync.plantnaming.adapter.out.mongo;

import io.mailsync.plantnaming.application.port.out.MailboxStore;

class MailboxDocuments implements MailboxStore {

    @Override
    public int count(String accountId) {
        return 0;
    }
}
