package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a pod needs to be scheduled, restarted and trusted: probes, resources, a non-root, locked-down container. */
class DeploymentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_is_deployed(String overlay) {
        assertThat(Manifests.of(overlay).ofKind("Deployment")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_container_has_liveness_and_readiness_probes_on_the_actuator_groups_of_its_management_port(String overlay) {
        SoftAssertions softly = new SoftAssertions();
        forEachContainer(overlay, (deployment, container) -> {
            String where = overlay + "/" + deployment + "/" + Tree.string(container, "name");
            softly.assertThat(Tree.string(container, "livenessProbe", "httpGet", "path")).as(where + " liveness")
                    .isEqualTo("/actuator/health/liveness");
            softly.assertThat(Tree.string(container, "readinessProbe", "httpGet", "path")).as(where + " readiness")
                    .isEqualTo("/actuator/health/readiness");
            // the probe port must be one the container declares, or the kubelet probes nothing
            List<String> portNames = Tree.list(container, "ports").stream().map(p -> Tree.string(p, "name")).toList();
            softly.assertThat(portNames).as(where + " ports")
                    .contains(Tree.string(container, "livenessProbe", "httpGet", "port"),
                            Tree.string(container, "readinessProbe", "httpGet", "port"));
            // issue 17: /actuator answers on the management port only
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                softly.assertThat(Tree.string(container, probe, "httpGet", "port")).as(where + " " + probe + " port")
                        .isEqualTo("management");
            }
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_ports_a_service_listens_on_are_the_ports_its_container_declares(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = ServiceConfig.of(manifests, service);
            Object container = Tree.at(manifests.named("Deployment", service), "spec", "template", "spec", "containers",
                    "0");
            Map<String, String> declared = new java.util.HashMap<>();
            Tree.list(container, "ports").forEach(p -> declared.put(Tree.string(p, "name"),
                    Tree.string(p, "containerPort")));
            softly.assertThat(env.get("SERVER_PORT")).as(overlay + " " + service + " SERVER_PORT")
                    .isEqualTo(declared.get("http")).isEqualTo(String.valueOf(ServicesTest.PORTS.get(service)));
            softly.assertThat(env.get("MANAGEMENT_SERVER_PORT")).as(overlay + " " + service + " MANAGEMENT_SERVER_PORT")
                    .isEqualTo(declared.get("management"))
                    .isEqualTo(String.valueOf(ServicesTest.MANAGEMENT_PORTS.get(service)));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_container_requests_cpu_and_memory_and_has_a_memory_limit(String overlay) {
        SoftAssertions softly = new SoftAssertions();
        forEachContainer(overlay, (deployment, container) -> {
            String where = overlay + "/" + deployment;
            softly.assertThat(Tree.map(container, "resources", "requests")).as(where + " requests")
                    .containsKeys("cpu", "memory");
            // the JVM sizes its heap from the memory limit (JAVA_TOOL_OPTIONS in the Dockerfile)
            softly.assertThat(Tree.map(container, "resources", "limits")).as(where + " limits").containsKey("memory");
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_pod_runs_as_a_non_root_user_on_a_read_only_root_without_capabilities(String overlay) {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : Manifests.of(overlay).ofKind("Deployment")) {
            String where = overlay + "/" + Manifests.name(deployment);
            Map<String, Object> pod = Tree.map(deployment, "spec", "template", "spec", "securityContext");
            softly.assertThat(pod.get("runAsNonRoot")).as(where + " runAsNonRoot").isEqualTo(true);
            softly.assertThat(pod.get("runAsUser")).as(where + " runAsUser").isInstanceOf(Integer.class)
                    .isNotEqualTo(0);
            for (Object container : Tree.list(deployment, "spec", "template", "spec", "containers")) {
                Map<String, Object> security = Tree.map(container, "securityContext");
                softly.assertThat(security.get("allowPrivilegeEscalation")).as(where + " privilege escalation")
                        .isEqualTo(false);
                softly.assertThat(security.get("readOnlyRootFilesystem")).as(where + " read-only root")
                        .isEqualTo(true);
                softly.assertThat(Tree.list(security, "capabilities", "drop")).as(where + " dropped capabilities")
                        .containsExactly("ALL");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_image_has_an_explicit_tag_and_prod_ships_releases(String overlay) {
        SoftAssertions softly = new SoftAssertions();
        forEachContainer(overlay, (deployment, container) -> {
            String image = Tree.string(container, "image");
            String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            softly.assertThat(tag).as(overlay + "/" + deployment + " image " + image).isNotBlank().isNotEqualTo("latest");
            if (overlay.equals("prod")) {
                softly.assertThat(tag).as("prod image " + image).doesNotContain("SNAPSHOT");
            }
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_config_map_a_pod_reads_is_rendered(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<String> configMaps = manifests.ofKind("ConfigMap").stream().map(Manifests::name).toList();
        forEachContainer(overlay, (deployment, container) -> {
            for (Object source : Tree.list(container, "envFrom")) {
                String name = Tree.string(source, "configMapRef", "name");
                if (name != null) {
                    assertThat(configMaps).as(overlay + "/" + deployment + " envFrom").contains(name);
                }
            }
        });
    }

    private static void forEachContainer(String overlay, ContainerCheck check) {
        for (Map<String, Object> deployment : Manifests.of(overlay).ofKind("Deployment")) {
            for (Object container : Tree.list(deployment, "spec", "template", "spec", "containers")) {
                check.accept(Manifests.name(deployment), container);
            }
        }
    }

    @FunctionalInterface
    private interface ContainerCheck {
        void accept(String deployment, Object container);
    }
}
