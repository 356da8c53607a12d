package io.mailsync.auth.adapter.in.web;

import io.mailsync.auth.domain.ClientDirectory;
import io.mailsync.auth.domain.ClientPolicy;
import io.mailsync.auth.domain.Grant;
import io.mailsync.auth.domain.IssuerSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The configured clients as Spring Authorization Server registrations. */
@Configuration(proxyBeanMethods = false)
class ConfiguredClients {

    @Bean
    RegisteredClientRepository registeredClients(ClientDirectory clients, IssuerSettings settings) {
        return new InMemoryRegisteredClientRepository(
                clients.all().stream().map(client -> registration(client, settings)).toList());
    }

    static RegisteredClient registration(ClientPolicy client, IssuerSettings settings) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.id()).clientId(client.id())
                .clientName(client.id())
                .authorizationGrantTypes(types -> client.grants()
                        .forEach(grant -> types.add(new AuthorizationGrantType(grant.wireName()))))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .clientSettings(ClientSettings.builder()
                        // PKCE (RFC 7636) for every authorization code, confidential clients too (OAuth 2.1 §4.1.1)
                        .requireProofKey(client.grants().contains(Grant.AUTHORIZATION_CODE))
                        .requireAuthorizationConsent(client.consent())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED) // a JWT the services verify alone
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .build());
        client.secret().ifPresentOrElse(secret -> builder.clientSecret(secret.encoded())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST),
                () -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE));
        return builder.build();
    }
}
