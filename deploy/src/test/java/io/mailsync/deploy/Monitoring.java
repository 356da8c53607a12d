package io.mailsync.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the rendered overlay ships for monitoring: alert rules and the Grafana dashboard, with their expressions. */
final class Monitoring {

    private Monitoring() {
    }

    /** Every alert rule of every PrometheusRule. */
    static List<Map<String, Object>> alerts(Manifests manifests) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> rule : manifests.ofKind("PrometheusRule")) {
            for (Object group : Tree.list(rule, "spec", "groups")) {
                for (Object alert : Tree.list(group, "rules")) {
                    alerts.add(Tree.map(alert));
                }
            }
        }
        return alerts;
    }

    /** The dashboard JSON the Grafana sidecar loads (ConfigMaps labelled grafana_dashboard). */
    static JsonNode dashboard(Manifests manifests) {
        List<Map<String, Object>> dashboards = manifests.ofKind("ConfigMap").stream()
                .filter(c -> "1".equals(Tree.string(c, "metadata", "labels", "grafana_dashboard")))
                .toList();
        if (dashboards.size() != 1) {
            throw new AssertionError(manifests + ": expected one dashboard ConfigMap, found " + dashboards.size());
        }
        Map<String, Object> data = Tree.map(dashboards.getFirst(), "data");
        return JsonMapper.builder().build().readTree(String.valueOf(data.values().iterator().next()));
    }

    /** Every query of every panel, with the panel's title. */
    static List<Map.Entry<String, String>> dashboardQueries(Manifests manifests) {
        List<Map.Entry<String, String>> queries = new ArrayList<>();
        for (JsonNode panel : dashboard(manifests).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(Map.entry(panel.path("title").asString(), target.path("expr").asString()));
            }
        }
        return queries;
    }

    /** Every PromQL expression shipped: alert rules and dashboard queries. */
    static List<String> expressions(Manifests manifests) {
        List<String> all = new ArrayList<>();
        alerts(manifests).forEach(a -> all.add(String.valueOf(a.get("expr"))));
        dashboardQueries(manifests).forEach(q -> all.add(q.getValue()));
        return all;
    }
}
