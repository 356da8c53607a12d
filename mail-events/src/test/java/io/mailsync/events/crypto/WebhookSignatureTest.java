package io.mailsync.events.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final long AT = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final Instant NOW = Instant.ofEpochSecond(AT + 30);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"eventId\":\"acc-1:45\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBodyAsAReceiverComputesIt() {
        // from `printf '%s' '1767225600.{"eventId":"acc-1:45"}' | openssl dgst -sha256 -hmac whsec-one`
        assertThat(WebhookSignature.sign(List.of("whsec-one"), AT, BODY))
                .isEqualTo("v1=f4f213d227f41f50c2fa3ffe1a93c5c4753fb13e5cc9723d133a47e5373122b7");
    }

    @Test
    void aReceiverAcceptsWhatWasSignedWithItsSecretWithinTheWindow() {
        String header = WebhookSignature.sign(List.of("whsec-one"), AT, BODY);
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), BODY, List.of("whsec-one"), NOW, WINDOW))
                .isEmpty();
    }

    @Test
    void whileASecretRotatesEitherSecretVerifies() {
        String header = WebhookSignature.sign(List.of("whsec-old", "whsec-new"), AT, BODY);
        assertThat(header.split(",")).hasSize(2);
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), BODY, List.of("whsec-old"), NOW, WINDOW))
                .isEmpty();
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), BODY, List.of("whsec-new"), NOW, WINDOW))
                .isEmpty();
    }

    @Test
    void aChangedBodyTimestampOrSecretIsRefused() {
        String header = WebhookSignature.sign(List.of("whsec-one"), AT, BODY);
        byte[] changed = "{\"eventId\":\"acc-1:46\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), changed, List.of("whsec-one"), NOW, WINDOW))
                .contains("no signature matches");
        assertThat(WebhookSignature.refusal(header, Long.toString(AT + 1), BODY, List.of("whsec-one"), NOW, WINDOW))
                .contains("no signature matches");
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), BODY, List.of("whsec-two"), NOW, WINDOW))
                .contains("no signature matches");
    }

    @Test
    void aReplayOutsideTheWindowIsRefusedEvenWithAGoodSignature() {
        String header = WebhookSignature.sign(List.of("whsec-one"), AT, BODY);
        Instant later = Instant.ofEpochSecond(AT).plus(WINDOW).plusSeconds(1);
        assertThat(WebhookSignature.refusal(header, Long.toString(AT), BODY, List.of("whsec-one"), later, WINDOW))
                .hasValueSatisfying(why -> assertThat(why).contains("replay window"));
    }

    @Test
    void malformedHeadersAreRefusedWithAReasonNotAnException() {
        List<String> secrets = List.of("whsec-one");
        assertThat(WebhookSignature.refusal(null, Long.toString(AT), BODY, secrets, NOW, WINDOW)).isPresent();
        assertThat(WebhookSignature.refusal("v1=zz", "yesterday", BODY, secrets, NOW, WINDOW))
                .contains("Mailsync-Timestamp is not Unix seconds");
        assertThat(WebhookSignature.refusal("v1=zz,v9=00", Long.toString(AT), BODY, secrets, NOW, WINDOW))
                .contains("no signature matches");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.sign(List.of(), AT, BODY));
    }
}
