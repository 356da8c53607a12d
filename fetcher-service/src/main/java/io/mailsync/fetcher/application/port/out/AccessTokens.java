package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.HostLogin.OAuthClient;
import java.time.Instant;
import java.util.Objects;

/** Exchanges a mailbox's OAuth refresh token for an access token at its host's token endpoint (RFC 6749 §6). */
public interface AccessTokens {

    /** Where no token endpoint can be reached: every token mailbox fails as an account error, said so. */
    AccessTokens NONE = (client, clientSecret, refreshToken) -> {
        throw new MailServerException.Unsupported("no OAuth token client is configured in this fetcher");
    };

    /**
     * @param clientSecret the client's secret, decrypted; null for a public client
     * @throws MailServerException.AuthenticationFailed when the endpoint refuses the grant (a revoked refresh token)
     * @throws MailServerException.Unreachable          when it cannot be reached
     */
    AccessToken refresh(OAuthClient client, String clientSecret, String refreshToken);

    /**
     * @param value        the bearer token (never printed)
     * @param expiresAt    when it stops working, or null if the endpoint did not say
     * @param refreshToken the refresh token to use next: a rotated one, or the one given
     */
    record AccessToken(String value, Instant expiresAt, String refreshToken) {
        public AccessToken {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
