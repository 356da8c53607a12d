package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.MongoKit;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace from a device's edit to the mail server (issue 17, ADR 0009): a PATCH through the gateway is one trace
 * across the gateway, sync-service, the {@code mail.commands} record (its {@code traceparent} header), the fetcher that
 * consumes it and its write-back (STORE) on the IMAP server, and the flag change it publishes back on
 * {@code mail.events}. Every service's spans go to one in-memory exporter.
 */
class TracingEndToEndIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    @Test
    void oneApiPatchIsOneTraceFromTheGatewayToTheFetchersWriteBack() {
        TopicNames topics = KafkaKit.newNamespace();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        SystemSettings settings = new SystemSettings(KafkaKit.bootstrapServers(), MongoKit.baseUri(), "trace-" + unique,
                topics, "-" + unique, "trace",
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes()),
                JwtKit.shared().publicKeyLocation(), "127.0.0.1", GreenMailKit.smtpPort(), "quota@mailsync.test", 0);
        Map<String, Object> quickExport = Map.of("management.opentelemetry.tracing.export.schedule-delay", "100ms");
        try (MailsyncSystem system = MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT,
                MailsyncSystem.SERVICES.stream().collect(Collectors.toMap(s -> s, s -> quickExport)),
                context -> context.getBeanFactory().registerSingleton("inMemorySpans", SPANS))) {
            String customer = "trace-" + unique;
            MailUser user = GreenMailKit.newUser("trace");
            String header = "<" + UUID.randomUUID() + "@trace.test>";
            GreenMailKit.server().getUserManager().getUser(user.login()).deliver(
                    com.icegreen.greenmail.util.GreenMailUtil.newMimeMessage(MailText.withMessageId(header,
                            "ann@sender.test", user.address(), "Trace me", "once")));
            ApiClient admin = new ApiClient(system.gatewayUrl(), JwtKit.shared().token("provisioning",
                    "accounts.admin", "mail.read"));
            ApiClient api = new ApiClient(system.gatewayUrl(), JwtKit.shared().token(customer, "mail.read",
                    "mail.write"));
            String accountId = admin.registerAccount(customer, "IMAP", GreenMailKit.imapPort(), user.login(),
                    user.password());
            JsonNode listed = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, header),
                    m -> m != null);
            String phone = api.registerDevice(accountId, "phone");

            SPANS.reset();
            api.keywords(accountId, listed.path("id").asString(), phone, Map.of("$seen", true));

            SpanData patch = await().atMost(WITHIN).until(() -> SPANS.getFinishedSpanItems().stream()
                    .filter(s -> "api-gateway".equals(s.getResource().getAttribute(SERVICE)))
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().toLowerCase().contains("patch"))
                    .findFirst().orElse(null), s -> s != null);
            String trace = patch.getTraceId();
            await().atMost(WITHIN).untilAsserted(() -> {
                List<SpanData> spans = SPANS.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(trace)).toList();
                assertThat(spans).as(describe(spans))
                        .anySatisfy(s -> is(s, "sync-service", SpanKind.SERVER))
                        .anySatisfy(s -> {
                            is(s, "sync-service", SpanKind.PRODUCER);
                            assertThat(s.getName()).contains(topics.commands());
                        })
                        .anySatisfy(s -> {
                            is(s, "fetcher-service", SpanKind.CONSUMER);
                            assertThat(s.getName()).contains(topics.commands());
                        })
                        .anySatisfy(s -> {
                            assertThat(s.getResource().getAttribute(SERVICE)).isEqualTo("fetcher-service");
                            assertThat(s.getName()).isEqualTo("write-back SetFlags");
                        })
                        .anySatisfy(s -> {
                            is(s, "fetcher-service", SpanKind.PRODUCER);
                            assertThat(s.getName()).contains(topics.events());
                        });
            });
        }
    }

    private static void is(SpanData span, String service, SpanKind kind) {
        assertThat(span.getResource().getAttribute(SERVICE)).isEqualTo(service);
        assertThat(span.getKind()).isEqualTo(kind);
    }

    private static String describe(List<SpanData> spans) {
        return spans.stream().map(s -> s.getResource().getAttribute(SERVICE) + " " + s.getKind() + " " + s.getName())
                .collect(Collectors.joining("; ", "spans of the trace: ", ""));
    }
}
