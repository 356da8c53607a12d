package io.mailsync.auth.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured customer logins by username; a username configured twice is a configuration error. */
public final class CustomerDirectory {

    private final Map<String, CustomerLogin> byUsername = new LinkedHashMap<>();

    public CustomerDirectory(List<CustomerLogin> logins) {
        for (CustomerLogin login : logins) {
            if (byUsername.putIfAbsent(login.username(), login) != null) {
                throw new IllegalArgumentException("customer login '" + login.username() + "' is configured twice");
            }
        }
    }

    public Optional<CustomerLogin> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public List<CustomerLogin> all() {
        return List.copyOf(byUsername.values());
    }
}
