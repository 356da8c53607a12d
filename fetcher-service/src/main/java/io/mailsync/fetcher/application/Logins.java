package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.AccessTokens;
import io.mailsync.fetcher.application.port.out.AccessTokens.AccessToken;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a registration into the login of its next connection (issue 22): the mailbox's own password, the host's
 * master credential acting as the mailbox's user, or an access token from the mailbox's refresh token. Resolved at
 * every connection, so an expired token is refreshed on the next one and the session's state (its cursors) simply
 * goes on. Tokens are held per account until shortly before they expire; a refresh token the endpoint rotated is
 * stored, encrypted, in the fetchers' database as soon as it is issued, so a restart or another fetcher goes on with it.
 */
public final class Logins {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);
    private static final Duration MAX_EARLY = Duration.ofSeconds(30);

    private final SecretCipher secrets;
    private final AccessTokens tokens;
    private final RotatedRefreshTokens rotated;
    private final Clock clock;
    private final Map<AccountId, Held> held = new ConcurrentHashMap<>();
    private final Map<AccountId, Object> refreshing = new ConcurrentHashMap<>();

    /** A token and when to stop using it; {@code lineage} names the registered refresh token it descends from. */
    private record Held(String lineage, AccessToken token, Instant refreshAt, boolean persisted) {
        Held persisted(boolean stored) {
            return new Held(lineage, token, refreshAt, stored);
        }
    }

    public Logins(SecretCipher secrets, AccessTokens tokens, RotatedRefreshTokens rotated, Clock clock) {
        this.secrets = secrets;
        this.tokens = tokens;
        this.rotated = rotated;
        this.clock = clock;
    }

    /** The login source of one session: every call answers the login its next connection should use. */
    Supplier<MailLogin> of(AccountSpec account) {
        return () -> next(account);
    }

    MailLogin next(AccountSpec account) {
        HostLogin host = account.hostLogin();
        Mechanism mechanism = host == null ? Mechanism.LOGIN : host.mechanism();
        return switch (mechanism) {
            case LOGIN, PLAIN -> new MailLogin(account, mechanism, account.username(), own(account), null);
            case MASTER_PLAIN -> new MailLogin(account, mechanism, host.masterUsername(), master(host),
                    account.username());
            // Dovecot: "user*master" with the master's password logs in as user (auth_master_user_separator)
            case MASTER_SEPARATOR -> new MailLogin(account, mechanism,
                    account.username() + host.masterSeparator() + host.masterUsername(), master(host), null);
            case XOAUTH2, OAUTHBEARER -> new MailLogin(account, mechanism, account.username(),
                    token(account, host), null);
        };
    }

    /** The account is gone (or moved): its token is not kept. */
    void forget(AccountId accountId) {
        held.remove(accountId);
        refreshing.remove(accountId);
    }

    private String own(AccountSpec account) {
        if (account.encryptedSecret() == null) {
            throw new MailServerException.Unsupported("the mailbox has no password and its host profile does not "
                    + "log in for it");
        }
        return secrets.decrypt(account.accountId().value(), account.encryptedSecret());
    }

    private String master(HostLogin host) {
        return secrets.decrypt(HostLogin.secretContext(host.hostId()), host.encryptedMasterSecret());
    }

    /**
     * One refresh at a time per account: an endpoint that rotates refresh tokens revokes the one used, so a second
     * grant with it, at the same moment, would be refused and the mailbox reported AUTH_FAILED.
     */
    private String token(AccountSpec account, HostLogin host) {
        synchronized (refreshing.computeIfAbsent(account.accountId(), id -> new Object())) {
            return tokenOf(account, host);
        }
    }

    private String tokenOf(AccountSpec account, HostLogin host) {
        if (account.encryptedSecret() == null) {
            throw new MailServerException.Unsupported("the mailbox has no refresh token for " + host.mechanism());
        }
        Instant now = clock.instant();
        AccountId id = account.accountId();
        String registered = secrets.decrypt(account.accountId().value(), account.encryptedSecret());
        // the lineage, not the ciphertext: a key rotation re-encrypts the registered token, and it is still the same
        String lineage = lineage(account.accountId().value(), registered);
        Held current = held.get(account.accountId());
        if (current != null && current.lineage().equals(lineage)) {
            if (!current.persisted()) {
                held.put(account.accountId(), current.persisted(persist(id, lineage, current.token())));
            }
            if (now.isBefore(current.refreshAt())) {
                return current.token().value();
            }
        }
        String refreshToken = current != null && current.lineage().equals(lineage)
                ? current.token().refreshToken() // the endpoint may have rotated it (RFC 6749 §6)
                : stored(id, lineage).orElse(registered); // rotated before this fetcher's restart, or by another
        HostLogin.OAuthClient client = host.oauth();
        String clientSecret = client.encryptedClientSecret() == null ? null
                : secrets.decrypt(HostLogin.secretContext(host.hostId()), client.encryptedClientSecret());
        AccessToken fresh = tokens.refresh(client, clientSecret, refreshToken);
        boolean persisted = fresh.refreshToken().equals(refreshToken) || persist(id, lineage, fresh);
        held.put(account.accountId(), new Held(lineage, fresh, refreshAt(now, fresh.expiresAt()), persisted));
        return fresh.value();
    }

    /** The rotated token stored for this lineage; one no configured key opens is passed over, and said so. */
    private Optional<String> stored(AccountId id, String lineage) {
        try {
            return rotated.find(id, lineage).map(encrypted -> secrets.decrypt(id.value(), encrypted));
        } catch (SecretCipher.UndecryptableSecretException e) {
            log.warn("account {}: its rotated refresh token is under a key this fetcher lacks ({}); the registered "
                    + "one is used", id.value(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores a rotated refresh token, encrypted, before it is relied on. Should the database not answer, the token
     * is still used from memory and stored again at the next connection; only a restart before then would begin
     * from the registered one.
     */
    private boolean persist(AccountId id, String lineage, AccessToken token) {
        try {
            rotated.keep(id, lineage, secrets.encrypt(id.value(), token.refreshToken()));
            return true;
        } catch (RuntimeException e) {
            log.warn("account {}: rotated refresh token not stored yet ({})", id.value(), e.getClass().getSimpleName());
            return false;
        }
    }

    /** A fingerprint of the registered token (SHA-256, salted with the account): it names it, it cannot give it. */
    static String lineage(String accountId, String registered) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "\n" + registered).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A quarter of the token's life early, at most 30 s: a connection never starts with a token about to lapse. */
    private static Instant refreshAt(Instant now, Instant expiresAt) {
        if (expiresAt == null) {
            return now.plus(Duration.ofMinutes(5));
        }
        Duration life = Duration.between(now, expiresAt);
        Duration early = life.dividedBy(4).compareTo(MAX_EARLY) < 0 ? life.dividedBy(4) : MAX_EARLY;
        return expiresAt.minus(early);
    }
}
