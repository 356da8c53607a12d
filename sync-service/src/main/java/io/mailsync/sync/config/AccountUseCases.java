package io.mailsync.sync.config;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.FindAccounts;
import io.mailsync.sync.application.GetDevice;
import io.mailsync.sync.application.RegisterAccount;
import io.mailsync.sync.application.RegisterDevice;
import io.mailsync.sync.application.RemoveAccount;
import io.mailsync.sync.application.ReplaceCredential;
import io.mailsync.sync.application.RepublishAccounts;
import io.mailsync.sync.application.SuggestSpaceSavings;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.application.port.out.AccountMessages;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.application.port.out.MailServerAddresses;
import io.mailsync.sync.application.port.out.MailboxFootprint;
import io.mailsync.sync.application.port.out.PrivateSeen;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases about accounts and devices; the use cases themselves know nothing of Spring (STYLE.md). */
@Configuration(proxyBeanMethods = false)
class AccountUseCases {

    @Bean
    AccountAccess accountAccess(AccountStore accounts) {
        return new AccountAccess(accounts);
    }

    @Bean
    FindAccounts findAccounts(AccountStore accounts, AccountGrants grants) {
        return new FindAccounts(accounts, grants);
    }

    @Bean
    RegisterAccount registerAccount(AccountStore accounts, AccountPublisher publisher, SecretCipher cipher,
                                    Clock clock, MailServerAddresses addresses) {
        return new RegisterAccount(accounts, publisher, cipher, clock, addresses);
    }

    @Bean
    RemoveAccount removeAccount(AccountAccess access, AccountStore accounts, AccountPublisher publisher,
                                AccountMessages messages, ChangeLog changeLog, DeviceStore devices, AccountCounter counter,
                                DraftStore drafts, ContentStore contents, PrivateSeen privateSeen) {
        return new RemoveAccount(access, accounts, publisher, messages, changeLog, devices, counter, drafts, contents,
                privateSeen);
    }

    @Bean
    ReplaceCredential replaceCredential(AccountAccess access, AccountStore accounts, AccountPublisher publisher,
                                        SecretCipher cipher, Clock clock) {
        return new ReplaceCredential(access, accounts, publisher, cipher, clock);
    }

    @Bean
    RepublishAccounts republishAccounts(AccountStore accounts, AccountPublisher publisher, SecretCipher cipher,
                                        Clock clock) {
        return new RepublishAccounts(accounts, publisher, cipher, clock);
    }

    @Bean
    RegisterDevice registerDevice(AccountAccess access, DeviceStore devices, Clock clock) {
        return new RegisterDevice(access, devices, clock);
    }

    @Bean
    GetDevice getDevice(AccountAccess access, DeviceStore devices) {
        return new GetDevice(access, devices);
    }

    @Bean
    SuggestSpaceSavings suggestSpaceSavings(AccountAccess access, MailboxFootprint footprint) {
        return new SuggestSpaceSavings(access, footprint);
    }
}
