package io.mailsync.sync.domain;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import java.time.Instant;
import java.util.Objects;

/**
 * A mail host the operator registered once (issue 22): where its mailboxes live and how mailsync logs in to them —
 * the host's own master/proxy credential, an OAuth client, or each mailbox's password — and how many sessions it
 * allows. Its secrets are only ever held encrypted, inside {@code login}.
 *
 * @param id the operator's name for the host; also {@code login.hostId()}
 */
public record MailHost(String id, String host, int port, AccountSpec.Security security, boolean trustAnyCertificate,
                       HostLogin login, Instant updatedAt) {

    public MailHost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("a mail host id is 1 to 64 lower-case letters, digits, . _ -");
        }
        if (!id.equals(login.hostId())) {
            throw new IllegalArgumentException("the login belongs to host " + login.hostId() + ", not " + id);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port is 1 to 65535");
        }
    }

    /** Whether a mailbox on this host is registered without a secret of its own (the host logs in for it). */
    public boolean mailboxesNeedNoSecret() {
        return login.mechanism().usesHostCredential();
    }
}
