package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.MailHost;

/**
 * Registers a mailbox on a registered mail host (issue 22): address and transport security are the host's, the login
 * is the host's profile — where the host's own credential logs in, the mailbox has no password at all.
 */
public class RegisterHostedMailbox {

    /** The rest of the registration, completed with the host's address. */
    @FunctionalInterface
    public interface OnHost {
        RegisterAccountCommand at(String host, int port, AccountSpec.Security security, boolean trustAnyCertificate);
    }

    private final MailHostStore hosts;
    private final RegisterAccount register;

    public RegisterHostedMailbox(MailHostStore hosts, RegisterAccount register) {
        this.hosts = hosts;
        this.register = register;
    }

    public Account register(Caller caller, String mailHost, OnHost registration) {
        MailHost host = hosts.find(mailHost).orElseThrow(() -> new IllegalArgumentException(
                "mailHost " + mailHost + " is not a registered mail host"));
        return register.register(caller, registration.at(host.host(), host.port(), host.security(),
                host.trustAnyCertificate()), host.login());
    }
}
