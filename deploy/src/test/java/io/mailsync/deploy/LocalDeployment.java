package io.mailsync.deploy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Test infrastructure standing in for a cluster's, and the five services started on it from a deployment's
 * environment (ConfigurationBootIT): the SCRAM broker with the rendered topics and users, a MongoDB wire server,
 * GreenMail, the identity provider's JWK set and a trace collector — and the Secrets an operator (or Strimzi) creates.
 */
final class LocalDeployment implements AutoCloseable {

    final ScramBroker kafka;
    final MongoServer mongo;
    final LocalEndpoints endpoints;
    final Map<String, String> secrets = new HashMap<>();
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path workDir;

    LocalDeployment(Path workDir) throws Exception {
        this.workDir = workDir;
        this.kafka = ScramBroker.start();
        this.mongo = new MongoServer(new MemoryBackend()); // a database server of its own: the deployment's names
        this.mongo.enableOplog();
        this.mongo.bind("127.0.0.1", 0);
        this.endpoints = new LocalEndpoints(JwtKit.shared().publicKeyLocation());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // deploy/README.md, "Secrets": what an operator creates once per namespace
        secret("mailsync-credential-key", "key-id", "k1");
        secret("mailsync-credential-key", "key", Base64.getEncoder().encodeToString(key));
        byte[] webhookKey = new byte[32];
        new SecureRandom().nextBytes(webhookKey);
        secret("mailsync-webhook-key", "key-id", "w1");
        secret("mailsync-webhook-key", "key", Base64.getEncoder().encodeToString(webhookKey));
        secret("mailsync-jwt", "jwk-set-uri", endpoints.jwkSetUri());
        secret("mailsync-jwt", "issuer", JwtKit.ISSUER);
        for (String user : new String[] {"sync", "quota", "fetcher", "gateway", "webhooks", "content", "backup",
                "restore"}) {
            secret("mailsync-mongo-" + user + "-password", "password", HexFormat.of().formatHex(key, 0, 12));
        }
    }

    void secret(String name, String key, String value) {
        secrets.put(name + "/" + key, value);
    }

    String secret(String name, String key) {
        return secrets.get(name + "/" + key);
    }

    /** What Strimzi's operators do with the rendered KafkaTopics and KafkaUsers, including each user's Secret. */
    void createKafkaResources(Manifests manifests) throws Exception {
        kafka.createTopics(manifests);
        for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
            String name = Manifests.name(user);
            String password = "kafka-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            kafka.createUser(user, password);
            secret(name, "password", password);
            secret(name, "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + name + "\" password=\"" + password + "\";");
        }
    }

    LocalRewrite rewrite() throws Exception {
        Map<String, LocalRewrite.Ports> ports = new HashMap<>();
        for (String service : Manifests.SERVICES) {
            ports.put(service, new LocalRewrite.Ports(ScramBroker.freePort(), ScramBroker.freePort()));
        }
        return new LocalRewrite(ports, kafka.clientListener, kafka.plainListener,
                "127.0.0.1:" + mongo.getLocalAddress().getPort(), GreenMailKit.smtpPort(),
                java.util.List.of(GreenMailKit.imapPort(), GreenMailKit.pop3Port()), endpoints.otlpTracesEndpoint());
    }

    /** Starts every service with its (rewritten) environment, then waits until each is ready. */
    void start(Map<String, Map<String, String>> environments, Function<String, String> memoryLimit) throws Exception {
        for (Map.Entry<String, Map<String, String>> e : environments.entrySet()) {
            services.put(e.getKey(), ServiceProcess.start(e.getKey(), e.getValue(), memoryLimit.apply(e.getKey()),
                    workDir.resolve(e.getKey())));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady();
        }
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + services.get("api-gateway").appPort;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services.values().stream().toList().reversed()) {
            service.close();
        }
        endpoints.close();
        mongo.shutdownNow();
        kafka.close();
    }
}
