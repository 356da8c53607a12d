package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Configuration completeness (issue 17): every service starts and becomes ready with exactly the environment a
 * deployment gives it — the rendered prod overlay, and the compose file — on infrastructure that behaves as the
 * cluster's does (logins and ACLs on Kafka included), and then serves what needs the most configuration: a POP3 body,
 * {@code /sent}, {@code /raw}, a quota notice by SMTP. {@link LocalRewrite} is all that differs: where things are.
 * A setting taken out fails this check, shown on the content store, whose absence once went unnoticed in production.
 */
class ConfigurationBootIT {

    /** Each service's log stays here after the run (target/boot/<test>/<service>/<service>.log). */
    private Path work;

    @BeforeEach
    void workDirectory(TestInfo test) {
        work = Path.of("target", "boot", test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
    }

    @Test
    void theProdOverlayStartsEveryServiceReadyAndServes() throws Exception {
        Manifests prod = Manifests.of("prod");
        try (LocalDeployment deployment = new LocalDeployment(work)) {
            deployment.createKafkaResources(prod);
            LocalRewrite rewrite = deployment.rewrite();
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : Manifests.SERVICES) {
                environments.put(service, rewrite.apply(service, kubernetes(prod, service, deployment)));
            }
            deployment.start(environments, service -> memoryLimit(prod, service));

            UserJourney.run(deployment);
            ShippedMonitoring.assertMatches(deployment, prod);
            // traces leave through the OTLP endpoint the ConfigMaps name (sampled 1 in 10: the journey makes hundreds)
            await().atMost(Duration.ofSeconds(60)).until(() -> deployment.endpoints.traceExports() > 0);
            // ECS JSON logs with the trace id under ECS's name (service-support, ADR 0009)
            assertThat(deployment.services.get("api-gateway").logLines())
                    .anySatisfy(line -> assertThat(line).startsWith("{").contains("\"trace.id\":\""));
        }
    }

    @Test
    void theDevOverlayGivesEveryServiceTheSettingsProdGivesIt() {
        // so booting prod (above) proves dev too; a deliberate difference must be booted here as well
        LocalDeployment none = null;
        for (String service : Manifests.SERVICES) {
            assertThat(kubernetes(Manifests.of("dev"), service, none)).as(service)
                    .isEqualTo(kubernetes(Manifests.of("prod"), service, none));
        }
    }

    @Test
    void theComposeFileStartsEveryServiceReadyAndServes() throws Exception {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("compose.yaml")));
        Manifests prod = Manifests.of("prod");
        try (LocalDeployment deployment = new LocalDeployment(work)) {
            deployment.createKafkaResources(prod); // kafka-topics creates the same topics; compose has no users
            LocalRewrite rewrite = deployment.rewrite();
            // what deploy/README.md tells an operator to export before `docker compose up`
            Map<String, String> shell = Map.of("MAILSYNC_CRYPTO_KEY", deployment.secret("mailsync-credential-key",
                    "key"), "MAILSYNC_WEBHOOK_KEY", deployment.secret("mailsync-webhook-key", "key"),
                    "MAILSYNC_JWK_SET_URI", deployment.endpoints.jwkSetUri());
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : Manifests.SERVICES) {
                environments.put(service, rewrite.apply(service, ServiceEnvironment.compose(compose, service,
                        shell::get)));
            }
            // compose sets no memory limit; the prod overlay's stands in for the host's
            deployment.start(environments, service -> memoryLimit(prod, service));

            UserJourney.run(deployment);
            ShippedMonitoring.assertMatches(deployment, prod);
        }
    }

    @Test
    void aSettingTakenOutOfTheManifestsFailsTheCheck() throws Exception {
        Manifests prod = Manifests.of("prod");
        try (LocalDeployment deployment = new LocalDeployment(work)) {
            deployment.createKafkaResources(prod);
            Map<String, String> environment = kubernetes(prod, "sync-service", deployment);
            assertThat(environment.remove("MAILSYNC_CONTENT_URI")).as("the prod overlay sets it").isNotNull();

            assertThatThrownBy(() -> deployment.start(
                    Map.of("sync-service", deployment.rewrite().apply("sync-service", environment)),
                    service -> memoryLimit(prod, service)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sync-service did not become ready: it exited")
                    .hasMessageContaining("mailsync.content.uri");
        }
    }

    /** The environment a service's pod gets, the Secrets filled from {@code deployment} (null: placeholders). */
    private static Map<String, String> kubernetes(Manifests manifests, String service, LocalDeployment deployment) {
        return ServiceEnvironment.kubernetes(manifests, service, (name, key) -> deployment == null
                ? "secret:" + name + "/" + key : deployment.secret(name, key));
    }

    private static String memoryLimit(Manifests manifests, String service) {
        return Tree.string(manifests.named("Deployment", service), "spec", "template", "spec", "containers", "0",
                "resources", "limits", "memory");
    }
}
