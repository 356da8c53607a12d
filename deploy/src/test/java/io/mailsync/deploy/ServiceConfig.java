package io.mailsync.deploy;

import java.util.HashMap;
import java.util.Map;

/** The environment a service's container gets from its ConfigMaps (envFrom), as Kubernetes would assemble it. */
final class ServiceConfig {

    private ServiceConfig() {
    }

    static Map<String, String> of(Manifests manifests, String deployment) {
        Map<String, String> env = new HashMap<>();
        Object container = Tree.at(manifests.named("Deployment", deployment), "spec", "template", "spec", "containers", "0");
        for (Object source : Tree.list(container, "envFrom")) {
            String name = Tree.string(source, "configMapRef", "name");
            if (name != null) {
                Tree.map(manifests.named("ConfigMap", name), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        return env;
    }
}
