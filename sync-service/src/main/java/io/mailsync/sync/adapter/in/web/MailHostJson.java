package io.mailsync.sync.adapter.in.web;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.sync.application.MailHostCommand;
import io.mailsync.sync.domain.MailHost;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Bodies of {@code /api/v1/mail-hosts} (issue 22). Secrets go in, never out: a response says only whether one is set.
 */
final class MailHostJson {

    private MailHostJson() {
    }

    record MailHostRequest(String host, Integer port, String security, Boolean trustAnyCertificate, String mechanism,
                           String masterUsername, String masterPassword, String masterSeparator, String tokenEndpoint,
                           String clientId, String clientSecret, String scope, Integer connectionBudget) {

        MailHostCommand toCommand(String id) {
            if (port == null) {
                throw new IllegalArgumentException("port is required");
            }
            return new MailHostCommand(id, host, port,
                    AccountJson.parse(AccountSpec.Security.class, security, "security"),
                    Boolean.TRUE.equals(trustAnyCertificate),
                    AccountJson.parse(HostLogin.Mechanism.class, mechanism, "mechanism"), masterUsername,
                    masterPassword, masterSeparator, uri(tokenEndpoint), clientId, clientSecret, scope,
                    connectionBudget);
        }

        @Override
        public String toString() {
            return "MailHostRequest[" + host + ":" + port + " " + mechanism + "]"; // never a secret
        }
    }

    record MailHostResponse(String id, String host, int port, String security, boolean trustAnyCertificate,
                            String mechanism, String masterUsername, boolean masterPasswordSet, String masterSeparator,
                            String tokenEndpoint, String clientId, boolean clientSecretSet, String scope,
                            Integer connectionBudget, Instant updatedAt) {

        static MailHostResponse of(MailHost host) {
            HostLogin login = host.login();
            HostLogin.OAuthClient oauth = login.oauth();
            return new MailHostResponse(host.id(), host.host(), host.port(), host.security().name(),
                    host.trustAnyCertificate(), login.mechanism().name(), login.masterUsername(),
                    login.encryptedMasterSecret() != null, login.masterSeparator(),
                    oauth == null ? null : oauth.tokenEndpoint().toString(), oauth == null ? null : oauth.clientId(),
                    oauth != null && oauth.encryptedClientSecret() != null, oauth == null ? null : oauth.scope(),
                    login.connectionBudget(), host.updatedAt());
        }
    }

    record MailHostList(List<MailHostResponse> mailHosts) {
    }

    private static URI uri(String value) {
        if (value == null) {
            return null;
        }
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tokenEndpoint is an http(s) URL");
        }
    }
}
