package io.mailsync.deploy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import io.mailsync.support.kafka.ConsumerGroups;
import io.mailsync.testkit.KafkaKit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a service does on Kafka, read from its code: the topics and groups of its {@code @KafkaListener}s, the topics
 * its classes send to ({@code KafkaTemplate.send} beside a {@code TopicNames} call), and whether it sends poison
 * records to dead-letter topics (service-support does for every listener unless the service's own configuration
 * file sets {@code mailsync.kafka.retry.dead-letter: false}). The KafkaUsers' ACLs must be exactly this (KafkaUsersTest).
 */
record KafkaClients(Set<String> reads, Set<String> writes, Set<String> groups, Set<String> groupPrefixes,
                    boolean deadLetters) {

    static final Map<String, String> PACKAGES = Map.of("fetcher-service", "io.mailsync.fetcher",
            "sync-service", "io.mailsync.sync", "quota-service", "io.mailsync.quota", "api-gateway", "io.mailsync.gateway",
            "webhook-service", "io.mailsync.webhook");
    /**
     * webhook-service's delivery queue (ADR 0013), named by its bean {@code webhookDeliveriesTopic}: a listener on it
     * runs Spring Kafka's non-blocking retries, so it reads and writes the queue, every retry topic and the DLT
     * (testkit {@code KafkaKit.webhookTopics}), in groups named after its own with the topic's suffix.
     */
    private static final String WEBHOOK_QUEUE = "#{@webhookDeliveriesTopic}";

    private static final Pattern TOPIC = Pattern.compile("#\\{@topicNames\\.(\\w+)\\(\\)}");
    private static final Pattern GROUP = Pattern.compile("#\\{@consumerGroups\\.(named|perInstance)\\('([\\w.-]+)'\\)}");
    private static final String INSTANCE = "INSTANCE";

    static KafkaClients of(String service) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGES.get(service));
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            for (Method method : javaClass.reflect().getDeclaredMethods()) {
                KafkaListener listener = method.getAnnotation(KafkaListener.class);
                if (listener != null && List.of(listener.topics()).equals(List.of(WEBHOOK_QUEUE))) {
                    List<String> retried = KafkaKit.webhookTopics(TopicNames.defaults());
                    reads.addAll(retried);
                    writes.addAll(retried); // the queue (KafkaDeliveryQueue), the next retry topic, the DLT
                    Set<String> named = new TreeSet<>();
                    group(listener.groupId(), named, prefixes);
                    prefixes.addAll(named); // webhooks-deliver, webhooks-deliver-retry-0, ..., -dlt
                } else if (listener != null) {
                    for (String topic : listener.topics()) {
                        reads.add(topic(topic));
                    }
                    group(listener.groupId(), groups, prefixes);
                }
            }
            Set<String> named = new TreeSet<>();
            boolean sends = false;
            for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isEquivalentTo(TopicNames.class)) {
                    named.add(call.getName());
                }
                sends |= call.getTargetOwner().isEquivalentTo(KafkaTemplate.class) && call.getName().equals("send");
            }
            if (sends) {
                named.forEach(name -> writes.add(topicByMethod(name)));
            }
        }
        return new KafkaClients(reads, writes, groups, prefixes, !reads.isEmpty() && deadLetters(service));
    }

    /** What the service's own configuration file says ({@code <service>.yml} on its classpath); true unless false. */
    private static boolean deadLetters(String service) {
        try (InputStream in = KafkaClients.class.getResourceAsStream("/" + service + ".yml")) {
            if (in == null) {
                throw new AssertionError(service + ".yml is not on the classpath");
            }
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return !Boolean.FALSE.equals(Tree.at(yaml, "mailsync", "kafka", "retry", "dead-letter"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where poison records of what it reads go: {@code <topic>.DLT}, if it dead-letters at all — except webhook
     * deliveries, whose retry topics end in their own dead-letter topic.
     */
    Set<String> deadLetterTopics() {
        Set<String> dlts = new TreeSet<>();
        if (deadLetters) {
            List<String> webhooks = KafkaKit.webhookTopics(TopicNames.defaults());
            reads.stream().filter(topic -> !webhooks.contains(topic)).forEach(topic -> dlts.add(Topics.deadLetter(topic)));
        }
        return dlts;
    }

    private static String topic(String expression) {
        Matcher m = TOPIC.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError("a listener topic not named through TopicNames: " + expression);
        }
        return topicByMethod(m.group(1));
    }

    private static String topicByMethod(String method) {
        try {
            return (String) TopicNames.class.getMethod(method).invoke(TopicNames.defaults());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("TopicNames has no topic " + method, e);
        }
    }

    /** A constant group (plus the deployment's suffix, empty in deploy/), or a per-instance group's prefix. */
    private static void group(String expression, Set<String> groups, Set<String> prefixes) {
        Matcher m = GROUP.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError("a listener group not named through ConsumerGroups: " + expression);
        }
        ConsumerGroups ofOneInstance = new ConsumerGroups("", INSTANCE);
        if (m.group(1).equals("named")) {
            groups.add(ofOneInstance.named(m.group(2)));
        } else {
            String name = ofOneInstance.perInstance(m.group(2));
            prefixes.add(name.substring(0, name.indexOf(INSTANCE)));
        }
    }
}
