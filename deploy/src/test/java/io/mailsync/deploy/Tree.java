package io.mailsync.deploy;

import java.util.List;
import java.util.Map;

/** Walks the maps and lists SnakeYAML builds. A missing step yields {@code null} (or an empty map / list). */
final class Tree {

    private Tree() {
    }

    /** The value at {@code path}: map keys, or list indexes written as digits. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(step);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return at(node, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        return at(node, path) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    /** Every map under {@code node} (itself included), depth first: for searches like "every secretKeyRef". */
    static List<Map<String, Object>> allMaps(Object node) {
        java.util.ArrayList<Map<String, Object>> out = new java.util.ArrayList<>();
        collect(node, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> out) {
        if (node instanceof Map<?, ?> map) {
            out.add((Map<String, Object>) map);
            map.values().forEach(value -> collect(value, out));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, out));
        }
    }
}
