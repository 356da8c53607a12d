package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.MailHost;
import java.util.List;

/** The registered mail hosts, for the operator (issue 22). */
public class FindMailHosts {

    private final MailHostStore hosts;

    public FindMailHosts(MailHostStore hosts) {
        this.hosts = hosts;
    }

    /** Every host, or only {@code id} (404 when unknown). */
    public List<MailHost> find(Caller caller, String id) {
        MailHostAccess.requireOperator(caller);
        return id == null ? hosts.all() : List.of(MailHostAccess.require(hosts, id));
    }
}
