package io.mailsync.fetcher.config;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.AccountSessions;
import io.mailsync.fetcher.application.HostBreakers;
import io.mailsync.fetcher.application.Lease;
import io.mailsync.fetcher.application.OwnershipSettings;
import io.mailsync.fetcher.application.Ports;
import io.mailsync.fetcher.application.ReEncryptRefreshTokens;
import io.mailsync.fetcher.application.SessionSettings;
import io.mailsync.fetcher.application.port.out.AccessTokens;
import io.mailsync.fetcher.application.port.out.CommandReplies;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.mailsync.fetcher.application.port.out.ConnectionTimeouts;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.HostSlots;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import io.mailsync.fetcher.application.port.out.Pop3Server;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class FetcherConfiguration {

    @Bean
    ConnectionTimeouts connectionTimeouts(FetcherProperties properties) {
        FetcherProperties.Imap imap = properties.imap();
        return new ConnectionTimeouts(imap.connectTimeout(), imap.readTimeout(), imap.answerTimeout());
    }

    @Bean
    SessionSettings sessionSettings(FetcherProperties properties) {
        FetcherProperties.Session s = properties.session();
        return new SessionSettings(instanceId(properties), s.idleRenewal(), s.backoffStart(), s.backoffMax(),
                s.stableAfter(), s.authRetry(), s.startStagger(), s.takeoverLoginsPerSecond(), s.batchSize(), s.fullCompareEvery(), s.usageEvery(),
                s.maxConnectionsPerAccount(), properties.pop3().storeBodies());
    }

    /** Issue 22: the terms on which this fetcher holds a slot of a host's connection budget (shared by the group). */
    @Bean
    HostSlots.Terms hostSlotTerms(FetcherProperties properties, SessionSettings settings) {
        return new HostSlots.Terms(settings.instanceId(), properties.budget().lease(), properties.budget().handover());
    }

    /** Issue 22, ADR 0014: refresh tokens stored under a previous key are sealed again with the current one. */
    @Bean
    ReEncryptRefreshTokens reEncryptRefreshTokens(RotatedRefreshTokens tokens, SecretCipher cipher) {
        return new ReEncryptRefreshTokens(tokens, cipher);
    }

    @Bean
    HostBreakers hostBreakers(FetcherProperties properties) {
        return new HostBreakers(properties.breaker().minimumCalls(), properties.breaker().openFor());
    }

    @Bean
    OwnershipSettings ownershipSettings(FetcherProperties properties) {
        FetcherProperties.Ownership o = properties.ownership();
        return new OwnershipSettings(o.selfFenceAfter(), o.resumeAfter(), o.maxPollSilence(), o.orphanCommandsAfter());
    }

    /** This fetcher's Kafka lease (issue 15): renewed by the inbound Kafka adapter, checked by every session. */
    @Bean
    Lease lease() {
        return new Lease();
    }

    @Bean(destroyMethod = "releaseAll")
    AccountSessions accountSessions(MailServer imap, Pop3Server pop3, CursorStore cursors, MaildropStore drops,
                                    ContentStore contents, MailEventPublisher publisher, OwnerEpochs epochs,
                                    CommandTracing tracing, CommandReplies replies, AccessTokens tokens,
                                    HostSlots slots, RotatedRefreshTokens refreshTokens, HostBreakers breakers, SecretCipher secrets, Clock clock,
                                    SessionSettings settings, Lease lease) {
        return new AccountSessions(new Ports(imap, pop3, cursors, drops, contents, publisher, epochs, tracing,
                replies, tokens, slots, refreshTokens), breakers, secrets, clock, settings, lease);
    }

    private static String instanceId(FetcherProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 4);
        } catch (java.io.IOException e) {
            return "fetcher-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
