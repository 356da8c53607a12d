package io.mailsync.gateway.config;

import io.mailsync.gateway.application.AccountDirectory;
import io.mailsync.gateway.application.CheckAccountAccess;
import io.mailsync.gateway.application.CheckStreamAccess;
import io.mailsync.gateway.application.FollowAccounts;
import io.mailsync.gateway.application.PushHub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases; topic names and consumer groups come from service-support (ADR 0011). */
@Configuration(proxyBeanMethods = false)
public class GatewayBeans {

    @Bean
    AccountDirectory accountDirectory() {
        return new AccountDirectory();
    }

    @Bean
    CheckAccountAccess checkAccountAccess(AccountDirectory directory) {
        return new CheckAccountAccess(directory);
    }

    @Bean
    CheckStreamAccess checkStreamAccess(AccountDirectory directory) {
        return new CheckStreamAccess(directory);
    }

    @Bean
    PushHub pushHub() {
        return new PushHub();
    }

    @Bean
    FollowAccounts followAccounts(AccountDirectory directory, PushHub hub) {
        return new FollowAccounts(directory, hub);
    }
}
