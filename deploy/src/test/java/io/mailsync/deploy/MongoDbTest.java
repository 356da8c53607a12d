package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service reaches its own database (ADR 0001) on the replica set, as a user that exists and may write it. */
class MongoDbTest {

    private static final String PASSWORD_PLACEHOLDER = "${MONGODB_PASSWORD}";
    private static final List<String> WITH_DATABASE = List.of("sync-service", "quota-service", "fetcher-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_uses_its_own_database_as_its_own_user_on_the_replica_set(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, Object>> replicaSets = manifests.ofKind("MongoDBCommunity");
        assertThat(replicaSets).hasSize(1);
        Map<String, Object> replicaSet = replicaSets.getFirst();
        assertThat(Tree.string(replicaSet, "spec", "type")).isEqualTo("ReplicaSet");
        for (String service : WITH_DATABASE) {
            String owner = service.substring(0, service.indexOf('-'));
            String database = "mailsync-" + owner;
            String raw = ServiceConfig.of(manifests, service).get("SPRING_MONGODB_URI");
            // the password is a placeholder Spring resolves from the env var the Secret fills
            assertThat(raw).as(overlay + " " + service).contains(":" + PASSWORD_PLACEHOLDER + "@");
            URI uri = URI.create(raw.replace(PASSWORD_PLACEHOLDER, "placeholder"));
            String user = uri.getRawUserInfo().substring(0, uri.getRawUserInfo().indexOf(':'));

            assertThat(uri.getPath()).as(overlay + " " + service + " database").isEqualTo("/" + database);
            assertThat(uri.getQuery()).as(overlay + " " + service)
                    .contains("replicaSet=" + Manifests.name(replicaSet)).contains("authSource=admin");
            assertThat(uri.getHost()).isEqualTo(Manifests.name(replicaSet) + "-svc");

            Map<String, Object> mongoUser = Tree.list(replicaSet, "spec", "users").stream()
                    .map(u -> Tree.map(u))
                    .filter(u -> user.equals(u.get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no MongoDB user " + user + " for " + service));
            assertThat(Tree.list(mongoUser, "roles")).as(user + " roles")
                    .contains(Map.of("name", "readWrite", "db", database));
            // the pod reads the very password the operator turned into this user's credentials
            String passwordSecret = Tree.string(mongoUser, "passwordSecretRef", "name");
            Object env = Tree.at(manifests.named("Deployment", service), "spec", "template", "spec", "containers", "0", "env");
            assertThat(Tree.list(env)).as(service + " env MONGODB_PASSWORD from " + passwordSecret)
                    .anySatisfy(e -> {
                        assertThat(Tree.string(e, "name")).isEqualTo("MONGODB_PASSWORD");
                        assertThat(Tree.string(e, "valueFrom", "secretKeyRef", "name")).isEqualTo(passwordSecret);
                    });
        }
        assertThat(ServiceConfig.of(manifests, "api-gateway")).doesNotContainKey("SPRING_MONGODB_URI");
    }
}
