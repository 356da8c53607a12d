package io.mailsync.fetcher.adapter.out.oauth;

import io.mailsync.events.HostLogin.OAuthClient;
import io.mailsync.fetcher.application.port.out.AccessTokens;
import io.mailsync.fetcher.application.port.out.MailServerException;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;

/**
 * The refresh-token grant (RFC 6749 §6) by Spring Security's own client: the client authenticates with HTTP Basic
 * (or as a public client without a secret), the endpoint's error answer is read as RFC 6749 §5.2 says.
 */
@Component
class SpringAccessTokens implements AccessTokens {

    /**
     * Spring's grant request carries the access token being replaced; none exists before the first login, and only
     * the refresh token (and scope) go on the wire, so an expired placeholder stands in for it.
     */
    private static final OAuth2AccessToken NONE_YET = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
            "none", Instant.EPOCH, Instant.EPOCH.plusSeconds(1));

    private final RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();

    @Override
    public AccessToken refresh(OAuthClient oauth, String clientSecret, String refreshToken) {
        Set<String> scopes = oauth.scope() == null ? Set.of() : Set.of(oauth.scope().trim().split("\\s+"));
        ClientRegistration registration = ClientRegistration.withRegistrationId("mail-host")
                .clientId(oauth.clientId())
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(clientSecret == null ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .tokenUri(oauth.tokenEndpoint().toString())
                .scope(scopes)
                .build();
        try {
            OAuth2AccessTokenResponse response = client.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    registration, NONE_YET, new OAuth2RefreshToken(refreshToken, null), scopes));
            OAuth2AccessToken token = response.getAccessToken();
            String next = response.getRefreshToken() == null ? refreshToken
                    : response.getRefreshToken().getTokenValue();
            return new AccessToken(token.getTokenValue(), token.getExpiresAt(), next);
        } catch (OAuth2AuthorizationException e) {
            String where = "token endpoint " + oauth.tokenEndpoint();
            if (unreachable(e)) {
                throw new MailServerException.Unreachable(where + " unreachable", e);
            }
            // invalid_grant and the like: the refresh token was revoked or the client is wrong; the message names the
            // OAuth error code, never a token
            throw new MailServerException.AuthenticationFailed(where + " refused the refresh token: "
                    + e.getError().getErrorCode(), null);
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
