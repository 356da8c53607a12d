package io.mailsync.sync.config;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.FindMailHosts;
import io.mailsync.sync.application.RegisterAccount;
import io.mailsync.sync.application.ReEncryptMailHosts;
import io.mailsync.sync.application.RegisterHostedMailbox;
import io.mailsync.sync.application.RemoveMailHost;
import io.mailsync.sync.application.SaveMailHost;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.HostedMailboxes;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.application.port.out.MailServerAddresses;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases about the operator's mail hosts (issue 22). */
@Configuration(proxyBeanMethods = false)
class MailHostUseCases {

    @Bean
    SaveMailHost saveMailHost(MailHostStore hosts, HostedMailboxes mailboxes, AccountStore accounts,
                              AccountPublisher publisher, SecretCipher cipher, Clock clock,
                              MailServerAddresses addresses) {
        return new SaveMailHost(hosts, mailboxes, accounts, publisher, cipher, clock, addresses);
    }

    @Bean
    ReEncryptMailHosts reEncryptMailHosts(MailHostStore hosts, HostedMailboxes mailboxes, SecretCipher cipher,
                                          Clock clock) {
        return new ReEncryptMailHosts(hosts, mailboxes, cipher, clock);
    }

    @Bean
    FindMailHosts findMailHosts(MailHostStore hosts) {
        return new FindMailHosts(hosts);
    }

    @Bean
    RemoveMailHost removeMailHost(MailHostStore hosts, HostedMailboxes mailboxes) {
        return new RemoveMailHost(hosts, mailboxes);
    }

    @Bean
    RegisterHostedMailbox registerHostedMailbox(MailHostStore hosts, RegisterAccount register) {
        return new RegisterHostedMailbox(hosts, register);
    }
}
