package io.mailsync.auth.adapter.in.web;

import io.mailsync.auth.application.DecideTokenContents;
import io.mailsync.auth.domain.Grant;
import io.mailsync.auth.domain.TokenContents;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims of every access token (ADR 0010, RFC 9068 §2.2): {@code sub} the customer, {@code aud} the client's
 * audiences (Spring's default would be the client id, which no service accepts), {@code scope} space-delimited,
 * {@code client_id} and {@code azp} the client — the gateway counts its per-application rate limit by {@code azp}.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DecideTokenContents decide;

    TokenClaims(DecideTokenContents decide) {
        this.decide = decide;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        Grant grant = Grant.ofWireName(context.getAuthorizationGrantType().getValue());
        Optional<String> signedIn = grant == Grant.CLIENT_CREDENTIALS
                ? Optional.empty()
                : Optional.of(context.getPrincipal().getName());
        TokenContents contents = decide.decide(clientId, grant, signedIn, context.getAuthorizedScopes());
        context.getClaims()
                .subject(contents.subject())
                .audience(contents.audiences())
                .claim("scope", String.join(" ", new TreeSet<>(contents.scopes())))
                .claim("client_id", clientId)
                .claim("azp", clientId);
    }
}
