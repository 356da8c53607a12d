package io.mailsync.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft broker in this JVM that does what the Strimzi cluster of {@code base/kafka} does to clients: a listener
 * where every client logs in with SCRAM-SHA-512 and Kafka's StandardAuthorizer enforces ACLs — set from the rendered
 * KafkaUsers and KafkaTopics, as Strimzi's operators would. TLS is the one thing left out (no certificates here); a
 * second, plaintext listener is for the test's own administration and for the compose file, which has no logins.
 */
final class ScramBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path directory;
    /** SASL_PLAINTEXT with SCRAM-SHA-512 logins and ACLs. */
    final String clientListener;
    /** PLAINTEXT, a super user: administration, and clients without logins (compose). */
    final String plainListener;

    private ScramBroker(KafkaRaftServer server, Path directory, String clientListener, String plainListener) {
        this.server = server;
        this.directory = directory;
        this.clientListener = clientListener;
        this.plainListener = plainListener;
    }

    static ScramBroker start() throws Exception {
        int controller = freePort();
        int plain = freePort();
        int client = freePort();
        Path directory = Files.createTempDirectory("mailsync-scram-kafka");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "PLAIN://127.0.0.1:" + plain + ",CLIENT://127.0.0.1:" + client
                + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "PLAIN://127.0.0.1:" + plain + ",CLIENT://127.0.0.1:" + client);
        p.put("listener.security.protocol.map", "PLAIN:PLAINTEXT,CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAIN");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", directory.resolve("data").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        Path config = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "ConfigurationBootIT");
        }
        int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()}, new PrintStream(OutputStream.nullOutputStream()));
        if (formatted != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + formatted);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        ScramBroker broker = new ScramBroker(server, directory, "127.0.0.1:" + client, "127.0.0.1:" + plain);
        try (Admin admin = broker.admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        return broker;
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", plainListener));
    }

    /** What Strimzi's Topic Operator does with the rendered KafkaTopics, on one broker (one replica each). */
    void createTopics(Manifests manifests) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            Map<String, String> config = new HashMap<>();
            Tree.map(topic, "spec", "config").forEach((k, v) -> config.put(k, String.valueOf(v)));
            config.remove("min.insync.replicas"); // one broker here
            topics.add(new NewTopic(KafkaTopicsTest.topicName(topic), (Integer) Tree.at(topic, "spec", "partitions"),
                    (short) 1).configs(config));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** What Strimzi's User Operator does with a KafkaUser: its SCRAM credentials and exactly its ACLs. */
    void createUser(Map<String, Object> kafkaUser, String password) throws Exception {
        String name = Manifests.name(kafkaUser);
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaUsersTest.Acl acl : KafkaUsersTest.acls(kafkaUser)) {
            acls.add(new AclBinding(
                    new ResourcePattern(ResourceType.fromString(acl.type()), acl.name(),
                            acl.pattern().equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL),
                    new AccessControlEntry("User:" + name, "*", AclOperation.fromString(acl.operation()),
                            AclPermissionType.ALLOW)));
        }
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all()
                    .get(60, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * A port free now and below the kernel's ephemeral range: the services bind theirs seconds after it is picked,
     * and a port from the ephemeral range (what {@code new ServerSocket(0)} gives) can be taken meanwhile as the
     * local end of any outgoing connection (CI once saw "Port ... was already in use" for a management port).
     */
    static int freePort() throws IOException {
        int ephemeralLow = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, ephemeralLow);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another listener has it: try another
            }
        }
        throw new IOException("no free port between 10000 and " + ephemeralLow);
    }

    private static int ephemeralRangeStart() {
        try {
            // a line, "32768\t60999"; not Files.readString: it trusts the size procfs reports and read "3" here
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim();
            return Math.max(10_001, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default start
        }
    }
}
