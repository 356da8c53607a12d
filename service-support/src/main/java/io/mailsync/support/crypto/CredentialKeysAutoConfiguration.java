package io.mailsync.support.crypto;

import io.mailsync.events.crypto.SecretCipher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@link CredentialKeys} in every service and offers their {@link SecretCipher} (ADR 0011). The cipher is lazy:
 * a service that seals secrets asks for it while starting and does not start without a key; one that holds none
 * (quota-service, the gateway) never asks and needs no key.
 */
@AutoConfiguration
@ConditionalOnClass(SecretCipher.class)
@EnableConfigurationProperties(CredentialKeys.class)
public class CredentialKeysAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SecretCipher secretCipher(CredentialKeys keys) {
        return keys.cipher();
    }
}
