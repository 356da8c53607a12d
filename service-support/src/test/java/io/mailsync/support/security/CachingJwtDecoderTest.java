package io.mailsync.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The cache in front of a real Nimbus RS256 decoder: a token verified once is not verified again, but an expired token
 * is refused even while cached, and a token with a bad signature is never stored.
 */
class CachingJwtDecoderTest {

    private final KeyPair key = rsa();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final AtomicLong tickerNanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(counting(nimbus()), 100, Duration.ofMinutes(5),
            clock, tickerNanos::get);

    @Test
    void aTokenVerifiedOnceIsServedFromTheCacheUntilItsExpiry() {
        String token = sign(key, clock.instant().plusSeconds(120));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("cust-1");
        assertThat(decoder.decode(token).getSubject()).isEqualTo("cust-1");
        assertThat(verifications).as("the second request is not verified again").hasValue(1);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenCached() {
        String token = sign(key, clock.instant().plusSeconds(60));
        decoder.decode(token);
        assertThat(decoder.size()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61)); // past exp; the cache's own ticker has not moved: the entry is still there
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("the delegate decided, not the cache").hasValue(2);
    }

    @Test
    void anEntryNeverOutlivesTheMaximumAgeEvenForALongLivedToken() {
        String token = sign(key, clock.instant().plus(Duration.ofHours(1)));
        decoder.decode(token);
        tickerNanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        assertThat(decoder.size()).isZero();
        decoder.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithABadSignatureIsNeverCached() {
        String forged = sign(rsa(), clock.instant().plusSeconds(120)); // same claims, another key
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(decoder.size()).isZero();
        assertThat(verifications).as("verified, and refused, every time").hasValue(2);

        String genuine = sign(key, clock.instant().plusSeconds(120));
        String tampered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNeverCached() {
        JwtDecoder lenient = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
        CachingJwtDecoder cache = new CachingJwtDecoder(lenient, 100, Duration.ofMinutes(5), clock, tickerNanos::get);
        cache.decode(sign(key, null));
        assertThat(cache.size()).isZero();
    }

    @Test
    void refusesANonsensicalConfiguration() {
        assertThatThrownBy(() -> new CachingJwtDecoder(nimbus(), 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachingJwtDecoder(nimbus(), 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private NimbusJwtDecoder nimbus() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return nimbus;
    }

    private JwtDecoder counting(JwtDecoder delegate) {
        return token -> {
            verifications.incrementAndGet();
            return delegate.decode(token);
        };
    }

    private static String sign(KeyPair key, Instant expiry) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("cust-1").claim("scope", "mail.read");
            if (expiry != null) {
                claims.expirationTime(Date.from(expiry));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
