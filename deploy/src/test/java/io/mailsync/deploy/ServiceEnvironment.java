package io.mailsync.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a service's process gets, exactly as its deployment describes it: for Kubernetes the container's
 * {@code envFrom} ConfigMaps, then its {@code env} (which wins), with Secret references filled from the Secrets an
 * operator creates (deploy/README.md, "Secrets"); for compose the service's {@code environment} with compose's
 * {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?message}} filled from the operator's shell.
 */
final class ServiceEnvironment {

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");

    private ServiceEnvironment() {
    }

    /** {@code secrets}: Secret name and key → value; an absent optional reference leaves the variable unset. */
    static Map<String, String> kubernetes(Manifests manifests, String deployment,
            BiFunction<String, String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>(ServiceConfig.of(manifests, deployment));
        Object container = Tree.at(manifests.named("Deployment", deployment), "spec", "template", "spec", "containers",
                "0");
        for (Object entry : Tree.list(container, "env")) {
            String name = Tree.string(entry, "name");
            if (Tree.map(entry).containsKey("value")) {
                env.put(name, Tree.string(entry, "value"));
                continue;
            }
            Map<String, Object> secretRef = Tree.map(entry, "valueFrom", "secretKeyRef");
            Map<String, Object> configMapRef = Tree.map(entry, "valueFrom", "configMapKeyRef");
            boolean optional = Boolean.TRUE.equals(secretRef.get("optional"))
                    || Boolean.TRUE.equals(configMapRef.get("optional"));
            String value = null;
            if (!secretRef.isEmpty()) {
                value = secrets.apply(Tree.string(secretRef, "name"), Tree.string(secretRef, "key"));
            } else if (!configMapRef.isEmpty()) {
                value = Tree.string(manifests.named("ConfigMap", Tree.string(configMapRef, "name")), "data",
                        Tree.string(configMapRef, "key"));
            } else {
                throw new AssertionError(deployment + ": env " + name + " from a source this test cannot fill: " + entry);
            }
            if (value != null) {
                env.put(name, value);
            } else if (!optional) {
                // the kubelet would not start the container: CreateContainerConfigError
                throw new AssertionError(deployment + ": env " + name + " refers to something nobody creates");
            }
        }
        return env;
    }

    /** {@code shell}: the variables the README tells an operator to export before {@code docker compose up}. */
    static Map<String, String> compose(Map<String, Object> composeFile, String service,
            Function<String, String> shell) {
        Map<String, String> env = new LinkedHashMap<>();
        Tree.map(composeFile, "services", service, "environment").forEach((name, raw) ->
                env.put(name, interpolate(String.valueOf(raw), shell, service + " " + name)));
        return env;
    }

    private static String interpolate(String value, Function<String, String> shell, String where) {
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = shell.apply(m.group(1));
            String replacement;
            if (set != null && !set.isEmpty()) {
                replacement = set;
            } else if (":-".equals(m.group(2))) {
                replacement = m.group(3);
            } else if (":?".equals(m.group(2))) {
                throw new AssertionError("compose refuses to start: " + where + ": " + m.group(3));
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
