package io.mailsync.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One overlay as Kubernetes would receive it: the objects {@code kubectl kustomize k8s/overlays/<name>} prints.
 * Rendered once per overlay and shared by the test classes. Paths are relative to the module (Maven's basedir).
 */
record Manifests(String overlay, List<Map<String, Object>> objects) {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("api-gateway", "sync-service", "quota-service", "fetcher-service",
            "webhook-service");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            String yaml = Kubectl.kustomize(Path.of("k8s", "overlays", name));
            return new Manifests(name, parseAll(yaml));
        });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parseAll(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        return StreamSupport.stream(parser.loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull)
                .map(document -> (Map<String, Object>) document)
                .toList();
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(Tree.string(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
    }

    static String name(Map<String, Object> object) {
        return Tree.string(object, "metadata", "name");
    }

    /** A Deployment's pod template labels. */
    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Tree.map(deployment, "spec", "template", "metadata", "labels");
    }

    /** Whether {@code labels} carry every entry of {@code selector} (a Service selector or a matchLabels). */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @Override
    public String toString() {
        return overlay;
    }
}
