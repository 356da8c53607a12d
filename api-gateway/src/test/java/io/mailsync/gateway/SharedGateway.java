package io.mailsync.gateway;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway for the integration tests that can share it (Spring caches the context across the subclasses):
 * the real broker in a namespace of its own, stand-in sync, quota and webhook services, the test signing key, and limits
 * small enough to reach. Tests keep out of each other's way with their own customers and accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + GatewayApplication.CONFIG_NAME,
                "mailsync.gateway.rate-limit.per-customer=30",
                "mailsync.gateway.rate-limit.period=10m", // a token back every 20 s: well past the 1 s hold
                "mailsync.gateway.max-request-size=64KB",
                "mailsync.gateway.cors.allowed-origins=https://portal.example",
                "mailsync.gateway.push.ping-interval=300ms"})
// issue 19: every status the gateway's own documented routes (push) answer here must be documented (ADR 0018)
@ContextConfiguration(initializers = DocumentedStatuses.Recording.class)
@ExtendWith(DocumentedStatuses.Check.class)
abstract class SharedGateway {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static final FakeService webhooks = new FakeService("webhooks");
    static final TopicNames names = GatewayTestSupport.names();
    static final Broker broker = new Broker(names);
    static final JwtKit jwt = JwtKit.shared();

    @LocalServerPort
    int port;

    /** Health and metrics answer on a port of their own (issue 17), never on the public one. */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void sharedGateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, names, sync, quota);
        registry.add("mailsync.gateway.webhooks-uri", () -> webhooks.uri().toString());
    }
}
