package io.mailsync.support.net;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import inet.ipaddr.IPAddress;

/** One {@link MailServerPolicy} per service, from {@code mailsync.security.mail-servers.*}. */
@AutoConfiguration
@ConditionalOnClass(IPAddress.class)
@EnableConfigurationProperties(MailServerGuardProperties.class)
public class MailServerGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MailServerPolicy mailServerPolicy(MailServerGuardProperties properties) {
        return new MailServerPolicy(properties);
    }
}
