package io.mailsync.devstack;

import static io.mailsync.devstack.AuthorizationServer.APP;
import static io.mailsync.devstack.AuthorizationServer.APP_REDIRECT;
import static io.mailsync.devstack.AuthorizationServer.PARTNER;
import static io.mailsync.devstack.AuthorizationServer.PARTNER_SECRET;
import static io.mailsync.devstack.AuthorizationServer.PROVISIONING;
import static io.mailsync.devstack.AuthorizationServer.PROVISIONING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.OAuthKit;
import io.mailsync.testkit.WebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.ApiResponse;
import io.mailsync.client.model.AccountResponse;
import io.mailsync.client.model.ProtectedResourceMetadata;
import io.mailsync.client.model.SubscriptionRequest;
import io.mailsync.client.model.SubscriptionResponse;

/**
 * Issue 19, as a new developer meets devstack: the authorization server started as devstack starts it, the five
 * services trusting it (its JWK set and issuer), and tokens asked for over HTTP — a partner's back end with client
 * credentials, a customer in an app with the authorization code and PKCE — used through the gateway.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerTokensIT {

    @TempDir
    static Path data;
    private static AuthorizationServer auth;
    private static MailsyncSystem system;
    private static TopicNames topics;
    private static String demoAccount;
    private static String otherAccount;

    @BeforeAll
    static void start() throws IOException {
        auth = AuthorizationServer.start(freePort(), data.resolve(DevStack.SIGNING_KEY));
        topics = KafkaKit.newNamespace();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        SystemSettings settings = new SystemSettings(KafkaKit.bootstrapServers(), MongoKit.baseUri(), "tok-" + unique,
                topics, "-" + unique, "tok",
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes()),
                auth.trust(), "127.0.0.1", GreenMailKit.smtpPort(), "quota@mailsync.test", 0);
        system = MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT, Map.of(
                "fetcher-service", Map.of("mailsync.fetcher.session.start-stagger", "100ms"),
                "api-gateway", Map.of("mailsync.gateway.downstream.timeout", "30s")));
        // provisioning as the ISP's system does it: its own client, accounts.admin, sub = the client
        ApiClient provisioning = new ApiClient(system.gatewayUrl(),
                auth.clientCredentials(PROVISIONING, PROVISIONING_SECRET, "accounts.admin"));
        MailUser demo = GreenMailKit.newUser("tok-demo");
        MailUser other = GreenMailKit.newUser("tok-other");
        demoAccount = provisioning.registerAccount("demo-customer", "IMAP", GreenMailKit.imapPort(), demo.login(),
                demo.password());
        otherAccount = provisioning.registerAccount("other-customer", "IMAP", GreenMailKit.imapPort(), other.login(),
                other.password());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        auth.close();
    }

    @Test
    void aPartnersClientCredentialsTokenReadsItsCustomersAccountsThroughTheGateway() {
        ApiClient partner = new ApiClient(system.gatewayUrl(),
                OAuthKit.clientCredentials(auth.url(), PARTNER, PARTNER_SECRET, "mail.read", "quota.read"));

        PublicApi api = partner.api();
        assertThat(accountIds(api)).containsExactly(demoAccount);
        assertThat(api.status(() -> api.messages.listMessages(demoAccount, null, null, null, null, null)))
                .isEqualTo(200);
        assertThat(api.status(() -> api.accounts.getAccount(otherAccount))).as("another customer's").isEqualTo(404);
    }

    @Test
    void aPartnersWebhooksTokenSubscribesThroughTheGatewayAndAMailOnlyTokenCannot() throws Exception {
        // issue 19, ADR 0013: the scope webhooks.manage, the audience mailsync-webhooks, asked for as a partner does
        String token = OAuthKit.clientCredentials(auth.url(), PARTNER, PARTNER_SECRET, "webhooks.manage");
        assertThat(OAuthKit.claims(token).path("aud").values()).extracting(JsonNode::asString)
                .contains("mailsync-api", "mailsync-webhooks");
        PublicApi partner = new ApiClient(system.gatewayUrl(), token).api();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            SubscriptionRequest subscription = new SubscriptionRequest().url(receiver.url())
                    .events(List.of("account.state"));
            PublicApi.Answer<ApiResponse<SubscriptionResponse>> created = partner.answer(
                    () -> partner.webhooks.createWebhookWithHttpInfo(subscription));
            assertThat(created.status()).as(created.problem()).isEqualTo(201);
            assertThat(created.value().getData().getSecret()).startsWith("whsec_");
            assertThat(partner.call(() -> partner.webhooks.listWebhooks())).extracting(SubscriptionResponse::getId)
                    .containsExactly(created.value().getData().getId());
        }
        PublicApi mailOnly = new ApiClient(system.gatewayUrl(),
                OAuthKit.clientCredentials(auth.url(), PARTNER, PARTNER_SECRET, "mail.read")).api();
        assertThat(mailOnly.status(() -> mailOnly.webhooks.listWebhooks())).isEqualTo(403);
        // a URL that is not on loopback's allowed ports or that is internal stays refused, devstack or not
        SubscriptionRequest internal = new SubscriptionRequest().url("http://169.254.169.254/latest/meta-data")
                .events(List.of("account.state"));
        assertThat(partner.status(() -> partner.webhooks.createWebhook(internal))).isEqualTo(400);
    }

    @Test
    void webhookServiceConsumesExactlyTheDeliveryTopicsDevstackAndDeployCreate() {
        // with production's retry schedule (8 attempts): Spring Kafka's index-suffixed retry topics and the DLT
        Set<String> consumed = system.context("webhook-service").getBean(KafkaListenerEndpointRegistry.class)
                .getAllListenerContainers().stream()
                .flatMap(c -> Stream.ofNullable(c.getContainerProperties().getTopics()).flatMap(Arrays::stream))
                .filter(t -> t.contains("webhook.")).collect(Collectors.toSet());
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(KafkaKit.webhookTopics(topics));
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherSignerIs401() {
        String webmail = OAuthKit.clientCredentials(auth.url(), "demo-webmail", "demo-webmail-secret", "mail.read");
        assertThat(OAuthKit.claims(webmail).path("sub").asString()).isEqualTo("demo-customer"); // right customer ...
        // raw: the refusal's content type is the HTTP edge, before any operation (the generated client drops it)
        ApiClient.Response forWebmail = new ApiClient(system.gatewayUrl(), webmail).get("/api/v1/accounts");
        assertThat(forWebmail.status()).as("... but issued for webmail").isEqualTo(401);
        assertThat(forWebmail.contentType()).startsWith("application/problem+json");

        // all three audiences, but signed by a key devstack's authorization server never had
        PublicApi foreign = new ApiClient(system.gatewayUrl(), JwtKit.shared().token("demo-customer", "mail.read")).api();
        assertThat(foreign.status(() -> foreign.accounts.listAccounts(null))).isEqualTo(401);
    }

    @Test
    void aCustomerWhoSignsInToAnAppReadsTheirAccountsAndNotAnothersCustomers() {
        String token = OAuthKit.authorizationCode(auth.url(), APP, APP_REDIRECT, "other", "other-customer-password",
                "mail.read", "quota.read");
        PublicApi app = new ApiClient(system.gatewayUrl(), token).api();

        assertThat(accountIds(app)).containsExactly(otherAccount);
        assertThat(app.status(() -> app.messages.listMessages(otherAccount, null, null, null, null, null)))
                .isEqualTo(200);
        assertThat(app.status(() -> app.accounts.getAccount(demoAccount))).isEqualTo(404);
        assertThat(app.status(() -> app.messages.listMessages(demoAccount, null, null, null, null, null)))
                .isEqualTo(404);
    }

    @Test
    void theGatewayNamesTheAuthorizationServerInItsProtectedResourceMetadata() {
        PublicApi anonymous = new ApiClient(system.gatewayUrl(), null).api(); // open to a client with no token yet
        ProtectedResourceMetadata metadata = anonymous.call(() -> anonymous.discovery.getProtectedResourceMetadata());
        assertThat(metadata.getAuthorizationServers()).extracting(URI::toString).containsExactly(auth.url());
        assertThat(metadata.getScopesSupported()).contains("mail.read", "accounts.admin");
    }

    @Test
    void noClientSecretOrCustomerPasswordReachesTheLog(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
        try {
            listAccounts(auth.clientCredentials(PARTNER, PARTNER_SECRET, "mail.read"));
            OAuthKit.clientCredentialsResponse(auth.url(), PARTNER, "a-mistyped-secret", "mail.read");
            listAccounts(OAuthKit.authorizationCode(auth.url(), APP, APP_REDIRECT, "demo",
                    "demo-customer-password", "mail.read"));
        } finally {
            logging.setLogLevel("org.springframework.security", null);
        }

        assertThat(output.getAll()).as("the security filters did log these requests")
                .contains("/oauth2/token", "/login")
                .doesNotContain(PARTNER_SECRET, "a-mistyped-secret", PROVISIONING_SECRET, "demo-customer-password",
                        "other-customer-password");
    }

    private void listAccounts(String token) {
        PublicApi api = new ApiClient(system.gatewayUrl(), token).api();
        assertThat(api.status(() -> api.accounts.listAccounts(null))).isEqualTo(200);
    }

    private static List<String> accountIds(PublicApi api) {
        return api.call(() -> api.accounts.listAccounts(null)).getAccounts().stream()
                .map(AccountResponse::getAccountId).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
