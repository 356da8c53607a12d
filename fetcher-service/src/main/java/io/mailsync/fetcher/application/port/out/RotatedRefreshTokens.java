package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * The refresh tokens that mailboxes' token endpoints rotated to (RFC 6749 §6: "the authorization server MAY issue a
 * new refresh token", and then may revoke the old one), kept in the fetchers' shared database so that a restart or a
 * takeover by another fetcher goes on with the new one instead of the registered one (issue 22). Only ciphertexts
 * are given and answered. Each is bound to the {@code lineage} of the registered token it descends from (a
 * fingerprint, never the token): a token replaced by the operator ({@code PATCH}) starts a new lineage, and the old
 * one's rotation is ignored.
 */
public interface RotatedRefreshTokens {

    /** Remembers nothing: every restart begins again from the registered token (tests that need none). */
    RotatedRefreshTokens NONE = new RotatedRefreshTokens() {
        @Override
        public Optional<String> find(AccountId accountId, String lineage) {
            return Optional.empty();
        }

        @Override
        public void keep(AccountId accountId, String lineage, String encryptedToken) {
        }

        @Override
        public List<Stored> all() {
            return List.of();
        }

        @Override
        public boolean replace(AccountId accountId, String expected, String encryptedToken) {
            return false;
        }
    };

    /** The encrypted rotated token of the account, if one descends from {@code lineage}. */
    Optional<String> find(AccountId accountId, String lineage);

    /** Keeps {@code encryptedToken} as the account's token of {@code lineage} (replacing any other). */
    void keep(AccountId accountId, String lineage, String encryptedToken);

    /** Every stored token (for re-encryption under a new key). */
    List<Stored> all();

    /** Replaces the account's stored token only if it is still {@code expected}: a rotation meanwhile wins. */
    boolean replace(AccountId accountId, String expected, String encryptedToken);

    record Stored(AccountId accountId, String encryptedToken) {
        @Override
        public String toString() {
            return "Stored[" + accountId + "]";
        }
    }
}
