package io.mailsync.benchmarks.idle;

import io.mailsync.devstack.MailsyncSystem;
import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.KafkaKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * P3: one fetcher JVM (fetcher-service's own application, its accounts registered as AccountSpecs on a Kafka
 * namespace of its own) IDLEing on N mailboxes of {@link NioImapServer}s running in other processes. For each N it
 * reports heap after a full GC, RSS, platform threads and descriptors of the fetcher process, and the wake-up
 * delay when mail arrives at a random 1 % of the mailboxes: until the fetcher ends its IDLE (server-side) and until
 * its {@code MessageArrived} is on Kafka (end to end).
 */
public final class IdleCapacity {

    public static final String TARGET = "20,000 mailboxes, heap <= 256 MiB, wake-up p99 <= 1 s";
    /** Connections per server process: well under the 20,000 descriptors a process may hold here. */
    private static final int PER_SERVER = 7_000;
    private static final EventCodec CODEC = new EventCodec();

    private IdleCapacity() {
    }

    /** One step's measurements. */
    public record Step(int target, int selected, int idling, long heapUsedMiB, long heapCommittedMiB, long rssMiB,
                       long threads, long openFiles, int pushed, int wokeUp, int published, double wakeP50Ms,
                       double wakeP99Ms, double publishP50Ms, double publishP99Ms, double rampSeconds, String note) {
    }

    /**
     * @param perSession heap per session by class at {@code histogramAt} sessions (the first step): the live objects
     *                   of the fetcher with that many sessions less those with none, divided by the sessions selected
     */
    public record Result(List<Step> steps, String stoppedBecause, int histogramAt,
                         List<Histogram.PerSession> perSession) {
    }

    /** The processes P3 needs, started ahead (their start-up is not measured); close it to stop them. */
    public static final class Rig implements AutoCloseable {
        final String kafka;
        final String credentialKey;
        final TopicNames topics;
        final Path logs;
        final List<ServerProcess> servers = new ArrayList<>();
        final Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        final Map<String, Long> wokeAfter = new ConcurrentHashMap<>();
        final List<ChildJvm> children = new ArrayList<>();
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ChildJvm fetcher;
        final java.io.PrintStream fetcherOut;

        private Rig(String kafka, String credentialKey) throws java.io.IOException {
            this.kafka = kafka;
            this.credentialKey = credentialKey;
            this.topics = KafkaKit.newNamespace();
            this.logs = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "mailsync-bench-p3"));
            this.fetcherOut = new java.io.PrintStream(Files.newOutputStream(logs.resolve("fetcher.out")), true);
        }

        @Override
        public void close() {
            for (ChildJvm c : children) {
                c.close();
            }
        }
    }

    /** Starts the IMAP server processes for up to {@code max} mailboxes and the fetcher process, without waiting. */
    public static Rig prepare(String kafka, String mongo, String credentialKey, int max) throws Exception {
        Rig rig = new Rig(kafka, credentialKey);
        int serverCount = (max + PER_SERVER - 1) / PER_SERVER;
        for (int i = 0; i < serverCount; i++) {
            ServerProcess server = new ServerProcess();
            server.jvm = ChildJvm.start("imap-" + i, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                    NioImapServer.class.getName(), List.of("0"), server.handler(rig.pushedAt, rig.wokeAfter),
                    rig.logs.resolve("imap-" + i + ".log"));
            rig.children.add(server.jvm);
            rig.servers.add(server);
        }
        String suffix = "-p3-" + rig.topics.namespace().replace(".", "");
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseG1GC"));
        if (Boolean.getBoolean("bench.fetcher.jfr")) {
            // where the fetcher's time goes during the ramp: jfr print --events jdk.ExecutionSample fetcher.jfr
            options.add("-XX:StartFlightRecording=filename=" + rig.logs.resolve("fetcher.jfr") + ",settings=profile");
        }
        rig.fetcher = ChildJvm.start("fetcher", options,
                "io.mailsync.fetcher.FetcherApplication", List.of(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.mongodb.uri=" + mongo + "/bench" + suffix + "-fetcher",
                        "--mailsync.content.uri=" + mongo + "/bench" + suffix + "-content",
                        "--mailsync.kafka.namespace=" + rig.topics.namespace(),
                        "--mailsync.kafka.group-suffix=" + suffix,
                        "--mailsync.crypto.key-id=bench",
                        "--mailsync.crypto.key=" + credentialKey,
                        // issue 16's mail-server guard refuses loopback and high ports unless the operator allows them
                        "--mailsync.security.mail-servers.allow=" + MailsyncSystem.LOOPBACK_MAIL_SERVERS,
                        "--mailsync.security.mail-servers.ports=110,143,993,995,1024-65535",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + io.mailsync.testkit.JwtKit.shared().publicKeyLocation(),
                        // only the "Started ..." line: it says the fetcher is ready for its accounts
                        "--logging.level.io.mailsync.fetcher.FetcherApplication=INFO"),
                line -> {
                    if (line.contains("Started FetcherApplication")) {
                        rig.started.countDown();
                    }
                    rig.fetcherOut.println(line);
                }, rig.logs.resolve("fetcher.log"));
        rig.children.add(rig.fetcher);
        return rig;
    }

    public static Result measure(Rig rig, int[] steps, Duration budget) throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        List<ServerProcess> servers = rig.servers;
        Map<String, Long> pushedAt = rig.pushedAt;
        Map<String, Long> wokeAfter = rig.wokeAfter;
        TopicNames topics = rig.topics;
        String kafka = rig.kafka;
        String credentialKey = rig.credentialKey;
        Path logs = rig.logs;
        ChildJvm fetcher = rig.fetcher;
        List<Step> done = new ArrayList<>();
        String stopped = "all steps held";
        List<Histogram.PerSession> perSession = List.of();
        int histogramAt = 0;
        try {
            for (ServerProcess s : servers) {
                if (s.port == 0) {
                    s.port = Integer.parseInt(s.replies.poll(60, TimeUnit.SECONDS).split(" ")[1]);
                }
            }
            if (!rig.started.await(240, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fetcher process did not start within 240 s; see "
                        + logs.resolve("fetcher.log"));
            }
            io.mailsync.benchmarks.Benchmarks.say("P3: fetcher process " + fetcher.pid() + " ready");
            Histogram empty = Histogram.parse(fetcher.jcmd("GC.class_histogram")); // live objects: a full GC first
            SecretCipher cipher = new SecretCipher("bench", credentialKey);
            try (KafkaProducer<String, String> producer = producer(kafka);
                 ArrivedEvents events = new ArrivedEvents(kafka, topics)) {
                int registered = 0;
                for (int target : steps) {
                    if (System.nanoTime() > deadline) {
                        stopped = "time budget spent before " + target;
                        break;
                    }
                    long rampStart = System.nanoTime();
                    for (; registered < target; registered++) {
                        ServerProcess s = servers.get(registered % servers.size());
                        AccountSpec spec = spec(registered, s.port, cipher);
                        producer.send(new ProducerRecord<>(topics.accounts(), spec.accountId().value(),
                                CODEC.encode(spec)));
                    }
                    producer.flush();
                    int[] counts = ServerProcess.awaitSelected(servers, target, fetcher, deadline);
                    double ramp = (System.nanoTime() - rampStart) / 1e9;
                    io.mailsync.benchmarks.Benchmarks.say(String.format(
                            "P3: %d mailboxes asked, %d selected, %d idling after %.0f s; measuring", target,
                            counts[0], counts[1], ramp));
                    Step step = StepProbe.measure(target, counts, ramp, servers, fetcher, events, pushedAt, wokeAfter);
                    done.add(step);
                    if (perSession.isEmpty() && !empty.isEmpty() && counts[0] > 0) {
                        Histogram now = Histogram.parse(fetcher.jcmd("GC.class_histogram"));
                        perSession = now.perSessionSince(empty, counts[0], 15);
                        histogramAt = counts[0];
                        io.mailsync.benchmarks.Benchmarks.say("P3: heap per session at " + histogramAt + ": "
                                + perSession);
                    }
                    io.mailsync.benchmarks.Benchmarks.say("P3: " + step);
                    if (!fetcher.process.isAlive()) {
                        stopped = "the fetcher process died at " + target + " (see " + logs.resolve("fetcher.log") + ")";
                        break;
                    }
                    if (System.nanoTime() > deadline && counts[1] < target * 0.98) {
                        stopped = String.format("time budget spent while %d of %d sessions were IDLE (%d selected); "
                                + "the fetcher opens sessions at about %.0f/s here", counts[1], target, counts[0],
                                counts[0] / Math.max(1, ramp));
                        break;
                    }
                    if (counts[0] < target * 0.99) {
                        stopped = String.format("at %d only %d sessions reached SELECTED (%d descriptors open in the "
                                + "fetcher; limit 20,000 per process)", target, counts[0], fetcher.openFiles());
                        break;
                    }
                }
            }
        } finally {
            rig.close();
        }
        return new Result(done, stopped, histogramAt, perSession);
    }

    private static AccountSpec spec(int i, int port, SecretCipher cipher) {
        String accountId = "p3-" + i;
        return new AccountSpec(AccountId.of(accountId), "p3-customer", AccountSpec.Protocol.IMAP, "127.0.0.1", port,
                AccountSpec.Security.NONE, false, "u" + i, cipher.encrypt(accountId, "pw"), null, null, null, false,
                null, null, null, Instant.now());
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p);
    }
}
