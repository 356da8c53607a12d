package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No secret value in what we ship: keys and passwords reach pods only as references to Secrets an operator creates
 * (deploy/README.md, "Secrets"), never as Secret objects with data and never as plain env values or ConfigMap data.
 */
class SecretsTest {

    private static final Pattern SECRET_LIKE_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CRYPTO_KEY|PRIVATE).*");
    /** user:password@ in a URI, unless the password is a placeholder resolved at runtime. */
    private static final Pattern INLINE_CREDENTIALS = Pattern.compile("://[^/@:\\s]+:(?!\\$\\{)[^@\\s]+@");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void no_secret_object_carries_values(String overlay) {
        for (Map<String, Object> secret : Manifests.of(overlay).ofKind("Secret")) {
            assertThat(Tree.map(secret, "data")).as(overlay + " Secret " + Manifests.name(secret) + " data").isEmpty();
            assertThat(Tree.map(secret, "stringData")).as(overlay + " Secret " + Manifests.name(secret)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void credentials_reach_containers_only_through_secret_key_references(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> object : manifests.objects()) {
            for (Map<String, Object> map : Tree.allMaps(object)) {
                // an env entry: {name, value} or {name, valueFrom}
                if (map.containsKey("name") && map.containsKey("value")
                        && SECRET_LIKE_NAME.matcher(String.valueOf(map.get("name"))).matches()) {
                    softly.fail(overlay + " " + Manifests.name(object) + ": env " + map.get("name")
                            + " has a literal value; use valueFrom.secretKeyRef");
                }
            }
        }
        for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
            Tree.map(configMap, "data").forEach((key, value) -> {
                softly.assertThat(key).as(overlay + " ConfigMap " + Manifests.name(configMap))
                        .doesNotMatch(SECRET_LIKE_NAME);
                softly.assertThat(String.valueOf(value)).as(overlay + " ConfigMap " + Manifests.name(configMap) + " " + key)
                        .doesNotContainPattern(INLINE_CREDENTIALS);
            });
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_credential_key_reaches_exactly_the_services_that_encrypt_or_decrypt(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Set<String> holders = new TreeSet<>();
        for (String service : Manifests.SERVICES) {
            for (Map<String, Object> map : Tree.allMaps(manifests.named("Deployment", service))) {
                if ("mailsync-credential-key".equals(Tree.string(map, "secretKeyRef", "name"))) {
                    holders.add(service);
                }
            }
        }
        // ADR 0001: encrypted by sync-service, decrypted only by the fetcher
        assertThat(holders).containsExactly("fetcher-service", "sync-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_referenced_secret_is_documented_for_the_operator_who_creates_it(String overlay) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> object : Manifests.of(overlay).objects()) {
            for (Map<String, Object> map : Tree.allMaps(object)) {
                addIfPresent(referenced, Tree.string(map, "secretKeyRef", "name"));
                addIfPresent(referenced, Tree.string(map, "passwordSecretRef", "name"));
                addIfPresent(referenced, Tree.string(map, "secret", "secretName"));
            }
        }
        assertThat(referenced).isNotEmpty().allSatisfy(name -> assertThat(readme).as("README mentions Secret " + name)
                .contains(name));
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }
}
