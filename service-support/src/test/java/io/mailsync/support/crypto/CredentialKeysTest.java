package io.mailsync.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.crypto.SecretCipher;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CredentialKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CredentialKeysAutoConfiguration.class));

    @Test
    void everyServiceBindsTheSameKeysAndACipherOfThemOpensWhatAPreviousKeySealed() {
        runner.withPropertyValues("mailsync.crypto.key-id=b", "mailsync.crypto.key=" + KEY_B,
                "mailsync.crypto.previous-keys.a=" + KEY_A).run(context -> {
                    SecretCipher cipher = context.getBean(SecretCipher.class);
                    String sealedUnderA = new CredentialKeys("a", KEY_A, Map.of()).cipher().encrypt("acc-1", "pw");

                    assertThat(cipher.decrypt("acc-1", sealedUnderA)).isEqualTo("pw");
                    assertThat(cipher.encrypt("acc-1", "pw")).startsWith("v1:b:");
                });
    }

    @Test
    void aServiceThatSealsNothingStartsWithoutAKeyAndOneThatSealsSecretsIsToldWhichSettingsAreMissing() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(SecretCipher.class))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mailsync.crypto.key-id and mailsync.crypto.key must be set");
        });
    }

    @Test
    void theKeysNeverAppearWhenTheSettingsArePrinted() {
        CredentialKeys keys = new CredentialKeys("b", KEY_B, Map.of("a", KEY_A));

        assertThat(keys.toString()).contains("keyId=b", "previousKeyIds=[a]").doesNotContain(KEY_A, KEY_B);
    }
}
