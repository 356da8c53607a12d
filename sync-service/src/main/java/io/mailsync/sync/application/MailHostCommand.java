package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import java.net.URI;

/**
 * A mail host to register or replace (issue 22), validated on construction. Secrets are plain here and leave only
 * encrypted; a replacement that gives no secret keeps the stored one, so a budget can change without resending it.
 */
public record MailHostCommand(String id, String host, int port, AccountSpec.Security security,
                              boolean trustAnyCertificate, HostLogin.Mechanism mechanism, String masterUsername,
                              String masterPassword, String masterSeparator, URI tokenEndpoint, String clientId,
                              String clientSecret, String scope, Integer connectionBudget) {

    public MailHostCommand {
        require(id != null && id.matches("[a-z0-9][a-z0-9._-]{0,63}"),
                "id is 1 to 64 lower-case letters, digits, . _ - (the operator's name for the host)");
        require(host != null && host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}"), "host is a host name or address");
        require(port >= 1 && port <= 65535, "port is 1 to 65535");
        require(security != null, "security is SSL, STARTTLS or NONE");
        require(mechanism != null, "mechanism is one of " + java.util.List.of(HostLogin.Mechanism.values()));
        require(masterUsername == null || !masterUsername.isBlank() && masterUsername.length() <= 320,
                "masterUsername is 1 to 320 characters");
        require(masterPassword == null || !masterPassword.isEmpty() && masterPassword.length() <= 1024,
                "masterPassword is 1 to 1024 characters");
        require(masterSeparator == null || masterSeparator.matches("[^\\s]{1,4}"),
                "masterSeparator is 1 to 4 characters, such as *");
        require(clientSecret == null || !clientSecret.isEmpty() && clientSecret.length() <= 1024,
                "clientSecret is 1 to 1024 characters");
        require(connectionBudget == null || connectionBudget >= 1 && connectionBudget <= 100_000,
                "connectionBudget is 1 to 100000");
        require(mechanism == null || !mechanism.usesToken() || tokenEndpoint != null && clientId != null,
                mechanism + " needs tokenEndpoint and clientId");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "MailHostCommand[" + id + " " + host + ":" + port + " " + mechanism + "]"; // never a secret
    }
}
