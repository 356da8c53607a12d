package io.mailsync.archclean.config;

import io.mailsync.archclean.application.CountMail;
import io.mailsync.archclean.application.port.out.MailboxStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CleanWiring {

    @Bean
    CountMail countMail(MailboxStore store) {
        return new CountMail(store);
    }
}
