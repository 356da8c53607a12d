import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue 18, P8: how long a subscribed consumer takes to return a record produced while it waits, with
 * {@code group.protocol=classic} and {@code consumer} — one record every {@code gap} ms to the accounts and commands
 * topics of a fresh namespace (the fetcher's ownership listener reads both), {@code commitSync} after each poll that
 * returned records (spring-kafka's MANUAL acks), the poll loop on a virtual thread (as the fetcher's).
 * <pre>java -cp "$(cat cp)" [-Dn=60] [-Dwait=500] [-Dpoll=1000] [-Dprotocols=classic,consumer]
 *     [-Dboot=host:port -Dns=namespace.] ConsumerLatency.java 500</pre>
 * With {@code -Dboot}/{@code -Dns} it uses a broker already running (so another kafka-clients jar can go first on
 * the classpath); otherwise it starts testkit's in-process broker.
 */
public class ConsumerLatency {

    public static void main(String[] a) throws Exception {
        String kafka = System.getProperty("boot", null) != null ? System.getProperty("boot") : KafkaKit.bootstrapServers();
        TopicNames topics = System.getProperty("ns") != null ? new TopicNames(System.getProperty("ns"))
                : KafkaKit.newNamespace();
        int gap = Integer.parseInt(a[0]);
        int n = Integer.getInteger("n", 60);
        for (String protocol : List.of(System.getProperty("protocols", "classic,consumer").split(","))) {
            Properties c = new Properties();
            c.put("bootstrap.servers", kafka);
            c.put("group.id", "latency-" + protocol + "-" + UUID.randomUUID());
            c.put("group.protocol", protocol);
            c.put("key.deserializer", StringDeserializer.class.getName());
            c.put("value.deserializer", StringDeserializer.class.getName());
            c.put("auto.offset.reset", "latest");
            c.put("enable.auto.commit", "false");
            c.put("fetch.max.wait.ms", System.getProperty("wait", "500"));
            Map<String, Long> sent = new ConcurrentHashMap<>();
            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch assigned = new CountDownLatch(1);
            Thread reader = Thread.ofVirtual().start(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                    consumer.subscribe(List.of(topics.accounts(), topics.commands()), new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        }

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            if (!partitions.isEmpty()) {
                                assigned.countDown();
                            }
                        }
                    });
                    while (!Thread.currentThread().isInterrupted()) {
                        var records = consumer.poll(Duration.ofMillis(Long.getLong("poll", 1000)));
                        for (var r : records) {
                            Long at = sent.get(r.value());
                            if (at != null) {
                                millis.add((System.nanoTime() - at) / 1e6);
                            }
                        }
                        if (!records.isEmpty()) {
                            consumer.commitSync();
                        }
                    }
                } catch (org.apache.kafka.common.errors.InterruptException stopping) {
                    // done
                }
            });
            assigned.await(30, TimeUnit.SECONDS);
            Thread.sleep(2000);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka);
            p.put("key.serializer", StringSerializer.class.getName());
            p.put("value.serializer", StringSerializer.class.getName());
            p.put("linger.ms", "0");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (int i = 0; i < n; i++) {
                    String value = protocol + "-" + i;
                    sent.put(value, System.nanoTime());
                    producer.send(new ProducerRecord<>(i % 2 == 0 ? topics.accounts() : topics.commands(), "k" + i,
                            value)).get();
                    Thread.sleep(gap);
                }
            }
            Thread.sleep(1500);
            reader.interrupt();
            reader.join(5000);
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            long late = sorted.stream().filter(ms -> ms > 200).count();
            System.out.printf("%s: n=%d, p50 %.1f ms, max %.1f ms, %d over 200 ms; sorted: %s%n", protocol,
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast(), late,
                    sorted.stream().map(ms -> String.format("%.0f", ms)).toList());
        }
        System.exit(0);
    }
}
