package io.mailsync.events.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery (issue 19, ADR 0013), for the sender and for receivers alike:
 * {@code Mailsync-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, with {@code Mailsync-Timestamp}
 * in Unix seconds. While a secret is rotated both sign, comma-separated, so a receiver holding either accepts. A
 * receiver refuses a timestamp outside its replay window; the comparison is constant-time.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "Mailsync-Signature";
    public static final String TIMESTAMP_HEADER = "Mailsync-Timestamp";
    public static final String EVENT_ID_HEADER = "Mailsync-Event-Id";
    private static final String VERSION = "v1=";
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value: one {@code v1=} entry per secret (two while rotating). */
    public static String sign(List<String> secrets, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs a delivery");
        }
        List<String> entries = new ArrayList<>();
        for (String secret : secrets) {
            entries.add(VERSION + HEX.formatHex(mac(secret, timestamp, body)));
        }
        return String.join(",", entries);
    }

    /**
     * Why a delivery is refused, or empty when one of its signatures was made with one of {@code secrets} over this
     * timestamp and body, and the timestamp is within {@code window} of {@code now}.
     */
    public static Optional<String> refusal(String signatureHeader, String timestampHeader, byte[] body,
            List<String> secrets, Instant now, Duration window) {
        Objects.requireNonNull(now, "now");
        if (signatureHeader == null || timestampHeader == null) {
            return Optional.of("no " + SIGNATURE_HEADER + " or " + TIMESTAMP_HEADER + " header");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Optional.of(TIMESTAMP_HEADER + " is not Unix seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(window) > 0) {
            return Optional.of("the timestamp is outside the replay window of " + window.toSeconds() + " s");
        }
        for (String entry : signatureHeader.split(",")) {
            String e = entry.strip();
            if (!e.startsWith(VERSION)) {
                continue; // a later scheme this receiver does not know
            }
            byte[] given;
            try {
                given = HEX.parseHex(e.substring(VERSION.length()));
            } catch (IllegalArgumentException notHex) {
                continue;
            }
            for (String secret : secrets) {
                if (MessageDigest.isEqual(given, mac(secret, timestamp, body))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("no signature matches");
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is not empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
