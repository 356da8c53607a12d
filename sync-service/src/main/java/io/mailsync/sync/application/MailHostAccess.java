package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.MailHost;

/** Mail hosts are the operator's (issue 22): only {@code accounts.admin} sees or changes them. */
final class MailHostAccess {

    private MailHostAccess() {
    }

    static void requireOperator(Caller caller) {
        if (!caller.admin()) {
            throw new SyncProblems.Forbidden("mail hosts are the operator's: accounts.admin is required");
        }
    }

    static MailHost require(MailHostStore hosts, String id) {
        return hosts.find(id).orElseThrow(() -> new SyncProblems.NotFound("no mail host " + id));
    }
}
