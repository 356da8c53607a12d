package io.mailsync.sync.application;

import io.mailsync.events.HostLogin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.HostedMailboxes;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.application.port.out.MailServerAddresses;
import io.mailsync.sync.domain.MailHost;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers or replaces a mail host (issue 22; the operator's, {@code accounts.admin}). Its secrets are encrypted bound
 * to the host, never to an account. A replaced host's mailboxes get its new login at once: stored on each, then
 * republished, so the fetchers log in the new way (the same path as a replaced password).
 */
public class SaveMailHost {

    private static final Logger log = LoggerFactory.getLogger(SaveMailHost.class);

    private final MailHostStore hosts;
    private final HostedMailboxes mailboxes;
    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final SecretCipher cipher;
    private final Clock clock;
    private final MailServerAddresses addresses;

    public SaveMailHost(MailHostStore hosts, HostedMailboxes mailboxes, AccountStore accounts,
                        AccountPublisher publisher, SecretCipher cipher, Clock clock, MailServerAddresses addresses) {
        this.hosts = hosts;
        this.mailboxes = mailboxes;
        this.accounts = accounts;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
        this.addresses = addresses;
    }

    /** Answers the host as stored and whether it is new. */
    public Saved save(Caller caller, MailHostCommand command) {
        MailHostAccess.requireOperator(caller);
        if (addresses.refusal(command.host(), command.port()).isPresent()) {
            throw new IllegalArgumentException("host and port must name a mail server mailsync may connect to");
        }
        Optional<MailHost> existing = hosts.find(command.id());
        if (existing.isPresent() && movesMailboxes(existing.get(), command)
                && !mailboxes.on(command.id()).isEmpty()) {
            throw new SyncProblems.Conflict("mail host " + command.id() + " has mailboxes: its address and transport "
                    + "security stay; register a new host for another address");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HostLogin login = new HostLogin(command.id(), command.mechanism(), command.masterUsername(),
                secret(command.id(), command.masterPassword(), existing.map(h -> h.login().encryptedMasterSecret())),
                command.masterSeparator(), oauth(command, existing), command.connectionBudget());
        MailHost host = new MailHost(command.id(), command.host(), command.port(), command.security(),
                command.trustAnyCertificate(), login, now);
        boolean created = hosts.save(host);
        if (!created) {
            long changed = mailboxes.applyLogin(login, now);
            for (AccountId id : mailboxes.on(command.id())) {
                accounts.find(id).ifPresent(account -> publisher.publish(account.spec()));
            }
            log.info("mail host {} replaced; {} mailboxes log in as it now says", command.id(), changed);
        }
        return new Saved(host, created);
    }

    public record Saved(MailHost host, boolean created) {
    }

    private static boolean movesMailboxes(MailHost existing, MailHostCommand command) {
        return !existing.host().equalsIgnoreCase(command.host()) || existing.port() != command.port()
                || existing.security() != command.security()
                || existing.trustAnyCertificate() != command.trustAnyCertificate();
    }

    private HostLogin.OAuthClient oauth(MailHostCommand command, Optional<MailHost> existing) {
        if (command.tokenEndpoint() == null) {
            return null;
        }
        String stored = existing.map(h -> h.login().oauth()).map(HostLogin.OAuthClient::encryptedClientSecret)
                .orElse(null);
        return new HostLogin.OAuthClient(command.tokenEndpoint(), command.clientId(),
                secret(command.id(), command.clientSecret(), Optional.ofNullable(stored)), command.scope());
    }

    private String secret(String hostId, String plain, Optional<String> stored) {
        return plain == null ? stored.orElse(null) : cipher.encrypt(HostLogin.secretContext(hostId), plain);
    }
}
