package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container build runs as a non-root user and finds the jar each service module actually builds. */
class DockerfileTest {

    private static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
    }

    @Test
    void runs_the_layered_jar_on_temurin_25_as_a_numeric_non_root_user() {
        assertThat(dockerfile).contains("ARG JAVA_IMAGE=eclipse-temurin:25-jre")
                .contains("-Djarmode=tools -jar application.jar extract --layers")
                .contains("JAVA_TOOL_OPTIONS=").contains("MaxRAMPercentage");
        List<String> users = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile).results()
                .map(m -> m.group(1)).toList();
        assertThat(users).isNotEmpty();
        // the last USER is the one the container runs as; Kubernetes verifies runAsNonRoot only for a numeric uid
        assertThat(users.getLast()).matches("[1-9][0-9]*(:[0-9]+)?");
    }

    @Test
    void every_service_module_builds_the_exec_jar_the_dockerfile_copies() throws IOException {
        Matcher version = Pattern.compile("ARG VERSION=(\\S+)").matcher(dockerfile);
        assertThat(version.find()).isTrue();
        assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar");
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        assertThat(rootPom).as("the root pom's project version").contains("<version>" + version.group(1) + "</version>")
                .as("the repackaged jar's classifier").contains("<classifier>exec</classifier>");
        for (String service : Manifests.SERVICES) {
            // a module without the Boot plugin has no -exec jar, and its image would not build
            assertThat(Files.readString(Path.of("..", service, "pom.xml"))).as(service + "/pom.xml")
                    .contains("<artifactId>" + service + "</artifactId>")
                    .contains("<artifactId>spring-boot-maven-plugin</artifactId>");
        }
    }
}
