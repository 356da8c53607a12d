package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R9, run last: the password of every account the suite registered (right and wrong ones) and the credential key
 * are searched in every log line this JVM wrote, every record and header of every topic of the suite's namespaces
 * (dead letters included), and every document of the suite's MongoDB databases (GridFS chunks included).
 */
@Order(1000)
class SecretsIT {

    @Test
    @DisplayName("R9: passwords in logs, topics, databases")
    void noPlaintextSecretAnywhere() throws Exception {
        Stack.shared();
        List<String> hits = new ArrayList<>(SecretScan.logHits);
        int records = 0;
        Set<String> namespaces = new TreeSet<>(SecretScan.namespaces.stream().map(TopicNames::namespace).toList());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaKit.bootstrapServers()))) {
            for (String topic : admin.listTopics().names().get()) {
                if (namespaces.stream().noneMatch(topic::startsWith)) {
                    continue;
                }
                for (ConsumerRecord<String, String> r : Records.all(topic)) {
                    records++;
                    StringBuilder text = new StringBuilder().append(r.key()).append(' ').append(r.value());
                    for (Header h : r.headers()) {
                        text.append(' ').append(new String(h.value(), StandardCharsets.ISO_8859_1));
                    }
                    hits.addAll(SecretScan.hits("topic " + topic, text.toString()));
                }
            }
        }
        int documents = 0;
        try (MongoClient mongo = MongoClients.create(MongoKit.baseUri())) {
            for (String db : mongo.listDatabaseNames()) {
                if (SecretScan.databases.stream().noneMatch(db::startsWith)) {
                    continue;
                }
                MongoDatabase database = mongo.getDatabase(db);
                for (String collection : database.listCollectionNames()) {
                    for (Document doc : database.getCollection(collection).find().batchSize(20)) {
                        documents++;
                        hits.addAll(SecretScan.hits("mongo " + db + "." + collection, flatten(doc)));
                    }
                }
            }
        }
        int secrets = SecretScan.secrets.size();
        Outcomes.held("R9", "logs, topics, databases", 0, SecretScan.logLines.get() + records + documents, 0, 0,
                hits.size(), secrets + " secrets searched in " + SecretScan.logLines.get() + " log lines ("
                        + SecretScan.serviceLines.get() + " from mailsync code), "
                        + records + " records, " + documents + " documents");
        assertThat(secrets).as("secrets watched (passwords and the credential key)").isGreaterThanOrEqualTo(2);
        assertThat(SecretScan.serviceLines.get()).as("service log lines seen by the scan").isPositive();
        assertThat(records).isPositive();
        assertThat(documents).isPositive();
        assertThat(hits).as("plaintext secrets found").isEmpty();
    }

    /** The document as text, with binary values (GridFS chunks) as their raw bytes. */
    private static String flatten(Object value) {
        StringBuilder out = new StringBuilder();
        flatten(value, out);
        return out.toString();
    }

    private static void flatten(Object value, StringBuilder out) {
        switch (value) {
            case Map<?, ?> map -> map.forEach((k, v) -> {
                out.append(k).append('=');
                flatten(v, out);
                out.append(' ');
            });
            case Iterable<?> list -> list.forEach(v -> {
                flatten(v, out);
                out.append(' ');
            });
            case Binary binary -> out.append(new String(binary.getData(), StandardCharsets.ISO_8859_1));
            case byte[] bytes -> out.append(new String(bytes, StandardCharsets.ISO_8859_1));
            case null -> out.append("null");
            default -> out.append(value);
        }
    }
}
