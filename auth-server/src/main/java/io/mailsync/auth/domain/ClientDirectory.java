package io.mailsync.auth.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured clients by id; two with one id is a configuration error, not a silent override. */
public final class ClientDirectory {

    private final Map<String, ClientPolicy> byId = new LinkedHashMap<>();

    public ClientDirectory(List<ClientPolicy> clients) {
        for (ClientPolicy client : clients) {
            if (byId.putIfAbsent(client.id(), client) != null) {
                throw new IllegalArgumentException("client '" + client.id() + "' is configured twice");
            }
        }
    }

    public Optional<ClientPolicy> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    public List<ClientPolicy> all() {
        return List.copyOf(byId.values());
    }
}
