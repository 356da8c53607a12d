package io.mailsync.sync.application;

import io.mailsync.events.HostLogin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.port.out.HostedMailboxes;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.MailHost;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key rotation for the mail hosts' secrets (issue 22, ADR 0014's rotation extended): at sync-service's start, every
 * host secret sealed with a previous key is sealed again with the current one, stored on the host and on each of its
 * mailboxes — before the accounts are republished, so the fetchers get the new form with them. A secret no
 * configured key opens stays as it is and is named (the host, never the secret) in a warning.
 */
public class ReEncryptMailHosts {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptMailHosts.class);

    private final MailHostStore hosts;
    private final HostedMailboxes mailboxes;
    private final SecretCipher cipher;
    private final Clock clock;

    public ReEncryptMailHosts(MailHostStore hosts, HostedMailboxes mailboxes, SecretCipher cipher, Clock clock) {
        this.hosts = hosts;
        this.mailboxes = mailboxes;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Answers how many hosts were re-encrypted. */
    public int reEncryptAll() {
        int done = 0;
        for (MailHost host : hosts.all()) {
            HostLogin login = host.login();
            HostLogin.OAuthClient oauth = login.oauth();
            String client = oauth == null ? null : oauth.encryptedClientSecret();
            if (!cipher.needsReEncryption(login.encryptedMasterSecret()) && !cipher.needsReEncryption(client)) {
                continue;
            }
            String context = HostLogin.secretContext(host.id());
            try {
                HostLogin next = new HostLogin(login.hostId(), login.mechanism(), login.masterUsername(),
                        again(context, login.encryptedMasterSecret()), login.masterSeparator(),
                        oauth == null ? null : new HostLogin.OAuthClient(oauth.tokenEndpoint(), oauth.clientId(),
                                again(context, client), oauth.scope()), login.connectionBudget());
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                hosts.save(new MailHost(host.id(), host.host(), host.port(), host.security(),
                        host.trustAnyCertificate(), next, now));
                mailboxes.applyLogin(next, now);
                done++;
            } catch (SecretCipher.UndecryptableSecretException e) {
                log.warn("mail host {}: a secret under a key that is not configured stays as it is", host.id());
            }
        }
        if (done > 0) {
            log.info("re-encrypted the secrets of {} mail hosts with the current key", done);
        }
        return done;
    }

    private String again(String context, String encrypted) {
        return encrypted == null || !cipher.needsReEncryption(encrypted) ? encrypted
                : cipher.encrypt(context, cipher.decrypt(context, encrypted));
    }
}
