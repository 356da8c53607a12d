package io.mailsync.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The only changes ConfigurationBootIT makes to a deployment's environment: where things are, not what is set. Each
 * rule says why the test host differs from a cluster; nothing is added. A value that still names a host other than
 * this one fails the test, so a new endpoint in the manifests gets a rule here rather than passing unnoticed.
 *
 * @param ports     the ports each service listens on here (a pod has a network of its own; here they share one)
 * @param kafkaSasl the test broker's SCRAM listener; {@code kafkaPlain} its listener without logins (compose)
 * @param mongo     {@code host:port} of the MongoDB wire server
 * @param mailServerPorts where the test's IMAP and POP3 servers listen (the ISP's mail servers)
 */
record LocalRewrite(Map<String, Ports> ports, String kafkaSasl, String kafkaPlain, String mongo, int smtpPort,
                    List<Integer> mailServerPorts, String otlpEndpoint) {

    record Ports(int app, int management) {
    }

    /** Values that look like addresses but name something: compared, never connected to. */
    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("MAILSYNC_SECURITY_JWT_ISSUER");
    private static final Pattern SERVICE_URL = Pattern.compile("^http://([a-z-]+):(\\d+)(/.*)?$");

    Map<String, String> apply(String service, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean sasl = env.getOrDefault("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").startsWith("SASL");
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "SERVER_PORT" -> out.put(key, String.valueOf(ports.get(service).app()));
                case "MANAGEMENT_SERVER_PORT" -> out.put(key, String.valueOf(ports.get(service).management()));
                case "SPRING_KAFKA_BOOTSTRAP_SERVERS" -> out.put(key, sasl ? kafkaSasl : kafkaPlain);
                // the test broker has no TLS (no certificates here); the logins and ACLs are the real thing
                case "SPRING_KAFKA_SECURITY_PROTOCOL" -> out.put(key, value.replace("SASL_SSL", "SASL_PLAINTEXT"));
                case "SPRING_MAIL_HOST" -> out.put(key, "127.0.0.1");
                case "SPRING_MAIL_PORT" -> out.put(key, String.valueOf(smtpPort));
                case "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT" -> out.put(key, otlpEndpoint);
                // the ISP's mail network is this host's loopback, on the ports GreenMail took
                case "MAILSYNC_SECURITY_MAILSERVERS_ALLOW" -> out.put(key, "127.0.0.1");
                case "MAILSYNC_SECURITY_MAILSERVERS_PORTS" -> out.put(key, mailServerPorts.stream()
                        .map(String::valueOf).collect(Collectors.joining(",")));
                default -> {
                    if (key.startsWith("SPRING_KAFKA_SSL_")) {
                        continue; // the trust store of the TLS left out above
                    }
                    out.put(key, value.startsWith("mongodb://") ? mongo(value) : serviceUrl(value));
                }
            }
        }
        if (!out.containsKey("SERVER_PORT") || !out.containsKey("MANAGEMENT_SERVER_PORT")) {
            throw new AssertionError(service + ": SERVER_PORT and MANAGEMENT_SERVER_PORT must be set by the deployment"
                    + " (the ports its container declares); got " + env.keySet());
        }
        List<String> elsewhere = out.entrySet().stream()
                .filter(e -> e.getValue().contains("://") && !local(e.getValue()))
                .filter(e -> !IDENTIFIERS.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!elsewhere.isEmpty()) {
            throw new AssertionError(service + ": " + elsewhere + " still name another host; teach LocalRewrite where"
                    + " that is on the test machine");
        }
        return out;
    }

    /**
     * The wire server has neither users nor a replica set: the host becomes it, and the login and the replica-set
     * options go (the database and every other option stay).
     */
    private String mongo(String uri) {
        Matcher m = Pattern.compile("^mongodb://(?:[^@/]*@)?[^/?]*(/[^?]*)?(?:\\?(.*))?$").matcher(uri);
        if (!m.matches()) {
            throw new AssertionError("not a MongoDB URI: " + uri);
        }
        String options = m.group(2) == null ? "" : Stream.of(m.group(2).split("&"))
                .filter(o -> !o.startsWith("replicaSet=") && !o.startsWith("authSource="))
                .collect(Collectors.joining("&"));
        return "mongodb://" + mongo + (m.group(1) == null ? "" : m.group(1)) + (options.isEmpty() ? "" : "?" + options);
    }

    /** {@code http://sync-service:8081} → where that service listens here. */
    private String serviceUrl(String value) {
        Matcher m = SERVICE_URL.matcher(value);
        if (m.matches() && ports.containsKey(m.group(1))) {
            return "http://127.0.0.1:" + ports.get(m.group(1)).app() + (m.group(3) == null ? "" : m.group(3));
        }
        return value;
    }

    private static boolean local(String value) {
        try {
            String host = URI.create(value).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
