package io.mailsync.support.crypto;

import io.mailsync.events.crypto.SecretCipher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds {@link CredentialKeys} in every service (ADR 0011); a service that seals secrets makes its
 * {@link SecretCipher} from them with {@link CredentialKeys#cipher()}, and one that holds none never asks.
 */
@AutoConfiguration
@ConditionalOnClass(SecretCipher.class)
@EnableConfigurationProperties(CredentialKeys.class)
public class CredentialKeysAutoConfiguration {
}
