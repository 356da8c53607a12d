package io.mailsync.sync.application.port.out;

import io.mailsync.sync.domain.MailHost;
import java.util.List;
import java.util.Optional;

/** The mail hosts the operator registered (issue 22); their secrets stored as given, encrypted. */
public interface MailHostStore {

    /** Stores the host, replacing one with the same id; answers whether it was new. */
    boolean save(MailHost host);

    Optional<MailHost> find(String id);

    List<MailHost> all();

    boolean delete(String id);
}
