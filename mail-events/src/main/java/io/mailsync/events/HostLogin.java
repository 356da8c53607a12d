package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.Objects;

/**
 * How mailsync logs in to a mailbox whose mail host the operator registered once (issue 22): the mechanism, the
 * host's own credential where mailsync logs in <em>as</em> the user, the OAuth client where a token does, and how many
 * sessions the host allows. Carried inside {@link AccountSpec} (optional, added within v1); its secrets only ever
 * encrypted, bound to {@link #secretContext(String)} rather than to an account.
 *
 * @param hostId                the profile's id (the operator's name for the host)
 * @param mechanism             how to authenticate
 * @param masterUsername        the host's master/proxy user ({@code MASTER_PLAIN}, {@code MASTER_SEPARATOR})
 * @param encryptedMasterSecret its password, encrypted ({@code MASTER_*})
 * @param masterSeparator       Dovecot's {@code auth_master_user_separator} ({@code MASTER_SEPARATOR}; default "*")
 * @param oauth                 the OAuth client that turns a mailbox's refresh token into access tokens
 * @param connectionBudget      sessions the fetcher may hold open at this host at once; null = no limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostLogin(String hostId, Mechanism mechanism, String masterUsername, String encryptedMasterSecret,
                        String masterSeparator, OAuthClient oauth, Integer connectionBudget) {

    /**
     * {@code LOGIN}: the mailbox's own password (IMAP LOGIN / POP3 USER+PASS, as before issue 22); {@code PLAIN}: the
     * same through SASL PLAIN (RFC 4616); {@code MASTER_PLAIN}: SASL PLAIN with the master user as authentication
     * and the mailbox's user as authorization identity (Dovecot master users, Cyrus proxy servers); {@code
     * MASTER_SEPARATOR}: Dovecot's {@code user*master} login; {@code XOAUTH2} and {@code OAUTHBEARER} (RFC 7628): an
     * access token from the mailbox's refresh token.
     */
    public enum Mechanism {
        LOGIN, PLAIN, MASTER_PLAIN, MASTER_SEPARATOR, XOAUTH2, OAUTHBEARER;

        /** Whether a mailbox on such a host needs no secret of its own. */
        public boolean usesHostCredential() {
            return this == MASTER_PLAIN || this == MASTER_SEPARATOR;
        }

        public boolean usesToken() {
            return this == XOAUTH2 || this == OAUTHBEARER;
        }
    }

    public HostLogin {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(mechanism, "mechanism");
        if (hostId.isBlank()) {
            throw new IllegalArgumentException("hostId is blank");
        }
        if (mechanism.usesHostCredential() && (blank(masterUsername) || blank(encryptedMasterSecret))) {
            throw new IllegalArgumentException(mechanism + " needs a master username and secret");
        }
        if (mechanism == Mechanism.MASTER_SEPARATOR && masterSeparator == null) {
            masterSeparator = "*";
        }
        if (mechanism.usesToken() && oauth == null) {
            throw new IllegalArgumentException(mechanism + " needs an OAuth client (token endpoint, client id)");
        }
        if (connectionBudget != null && connectionBudget < 1) {
            throw new IllegalArgumentException("connectionBudget is at least 1");
        }
    }

    /** The associated data a host's secrets are encrypted with: never an account's, so never moved to one. */
    public static String secretContext(String hostId) {
        return "mail-host:" + hostId;
    }

    /**
     * The OAuth 2.0 client (RFC 6749 §6, refresh token grant) registered with the mailbox provider.
     *
     * @param tokenEndpoint         where refresh tokens are exchanged (http or https)
     * @param clientId              the client's id
     * @param encryptedClientSecret its secret, encrypted; null for a public client
     * @param scope                 the scope to ask for, or null for the grant's own
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OAuthClient(URI tokenEndpoint, String clientId, String encryptedClientSecret, String scope) {

        public OAuthClient {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            if (blank(clientId)) {
                throw new IllegalArgumentException("clientId is required");
            }
            String scheme = tokenEndpoint.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("tokenEndpoint must be an http(s) URL");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
