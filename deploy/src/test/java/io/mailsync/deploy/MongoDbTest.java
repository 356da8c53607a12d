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
    private static final List<String> WITH_DATABASE = List.of("sync-service", "quota-service", "fetcher-service",
            "api-gateway", "webhook-service");

    /** The owner in a service's database name, {@code mailsync-<owner>} (webhook-service: mailsync-webhooks). */
    static String owner(String service) {
        return switch (service) {
            case "api-gateway" -> "gateway";
            case "webhook-service" -> "webhooks";
            default -> service.substring(0, service.indexOf('-'));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_uses_its_own_database_as_its_own_user_on_the_replica_set(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, Object>> replicaSets = manifests.ofKind("MongoDBCommunity");
        assertThat(replicaSets).hasSize(1);
        Map<String, Object> replicaSet = replicaSets.getFirst();
        assertThat(Tree.string(replicaSet, "spec", "type")).isEqualTo("ReplicaSet");
        for (String service : WITH_DATABASE) {
            String owner = owner(service);
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
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_content_store_is_its_own_database_and_user_shared_by_sync_and_fetcher(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> replicaSet = manifests.ofKind("MongoDBCommunity").getFirst();
        Map<String, Object> contentUser = Tree.list(replicaSet, "spec", "users").stream().map(u -> Tree.map(u))
                .filter(u -> "mailsync-content".equals(u.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no MongoDB user mailsync-content"));
        // ADR 0002: a bucket both services are granted, nothing else
        assertThat(Tree.list(contentUser, "roles")).containsExactly(Map.of("name", "readWrite", "db", "mailsync-content"));
        String passwordSecret = Tree.string(contentUser, "passwordSecretRef", "name");
        for (String service : List.of("sync-service", "fetcher-service")) {
            String raw = ServiceConfig.of(manifests, service).get("MAILSYNC_CONTENT_URI");
            assertThat(raw).as(overlay + " " + service + " MAILSYNC_CONTENT_URI")
                    .startsWith("mongodb://mailsync-content:${MONGODB_CONTENT_PASSWORD}@");
            URI uri = URI.create(raw.replace("${MONGODB_CONTENT_PASSWORD}", "placeholder"));
            assertThat(uri.getPath()).isEqualTo("/mailsync-content");
            assertThat(uri.getHost()).isEqualTo(Manifests.name(replicaSet) + "-svc");
            assertThat(uri.getQuery()).contains("replicaSet=" + Manifests.name(replicaSet)).contains("authSource=admin");
            Object env = Tree.at(manifests.named("Deployment", service), "spec", "template", "spec", "containers", "0",
                    "env");
            assertThat(Tree.list(env)).as(service + " MONGODB_CONTENT_PASSWORD from " + passwordSecret).anySatisfy(e -> {
                assertThat(Tree.string(e, "name")).isEqualTo("MONGODB_CONTENT_PASSWORD");
                assertThat(Tree.string(e, "valueFrom", "secretKeyRef", "name")).isEqualTo(passwordSecret);
            });
        }
        for (String service : List.of("quota-service", "api-gateway")) {
            assertThat(ServiceConfig.of(manifests, service)).as(service).doesNotContainKey("MAILSYNC_CONTENT_URI");
        }
    }

    @org.junit.jupiter.api.Test
    void prod_backs_the_content_store_up_with_the_rest_and_ships_the_way_back() {
        Manifests prod = Manifests.of("prod");
        Map<String, Object> replicaSet = prod.ofKind("MongoDBCommunity").getFirst();
        Map<String, String> roleOf = new java.util.HashMap<>();
        Tree.list(replicaSet, "spec", "users").forEach(u -> roleOf.put(Tree.string(u, "name"),
                Tree.string(u, "roles", "0", "name")));
        String backup = String.join(" ", Tree.list(prod.named("CronJob", "mailsync-mongo-backup"), "spec",
                "jobTemplate", "spec", "template", "spec", "containers", "0", "args").stream().map(String::valueOf)
                .toList());
        // the whole replica set with its oplog: the content store and the messages that refer to it, one point in time
        assertThat(backup).contains("mongodump", "mailsync-backup:", "--oplog").doesNotContain("--db", "--nsInclude");
        assertThat(roleOf).containsEntry("mailsync-backup", "backup").containsEntry("mailsync-restore", "restore");

        Map<String, Object> restore = prod.named("CronJob", "mailsync-mongo-restore");
        assertThat(Tree.at(restore, "spec", "suspend")).as("runs only when an operator starts it").isEqualTo(true);
        String args = String.join(" ", Tree.list(restore, "spec", "jobTemplate", "spec", "template", "spec",
                "containers", "0", "args").stream().map(String::valueOf).toList());
        assertThat(args).contains("mongorestore", "mailsync-restore:", "--oplogReplay", "--drop")
                .as("--oplogReplay restores a whole archive; mongorestore refuses it with --nsInclude")
                .doesNotContain("--nsInclude");
        assertThat(Tree.string(restore, "spec", "jobTemplate", "spec", "template", "spec", "volumes", "0",
                "persistentVolumeClaim", "claimName")).isEqualTo("mailsync-mongo-backup");
    }
}
