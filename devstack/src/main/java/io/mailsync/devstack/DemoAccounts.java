package io.mailsync.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registers the demo mailboxes through the public API, as an ISP's provisioning system would. */
final class DemoAccounts {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String gateway;
    private final String adminToken;
    private final String customerToken;
    private final List<String> summary = new ArrayList<>();

    DemoAccounts(String gateway, String adminToken, String customerToken) {
        this.gateway = gateway;
        this.adminToken = adminToken;
        this.customerToken = customerToken;
    }

    String registerIfMissing(String customer) throws IOException, InterruptedException {
        JsonNode existing = json.readTree(send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/accounts"))
                .header("Authorization", "Bearer " + customerToken).GET().build(), 200));
        JsonNode list = existing.isArray() ? existing : existing.path("accounts");
        if (list.size() > 0) {
            list.forEach(a -> summary.add(a.path("username").asString() + "=" + a.path("accountId").asString()));
            return "found " + list.size() + " from the last run";
        }
        register(customer, "IMAP", DemoMailboxes.IMAP, "alice", null, "alice@demo.test");
        register(customer, "POP3", DemoMailboxes.POP3, "bob", null, "bob@demo.test");
        register(customer, "IMAP", DemoMailboxes.IMAP, "carol", DemoMailboxes.NEARLY_FULL_LIMIT, "notices@demo.test");
        return "registered " + summary.size();
    }

    String summary() {
        return String.join(", ", summary);
    }

    private void register(String customer, String protocol, int port, String user, Long limit, String contact)
            throws IOException, InterruptedException {
        var body = json.createObjectNode()
                .put("customerId", customer).put("protocol", protocol).put("host", "127.0.0.1").put("port", port)
                .put("security", "NONE").put("username", user).put("password", DemoMailboxes.PASSWORD)
                .put("pollInterval", "PT10S").put("storeBodies", true).put("contactAddress", contact);
        if (limit != null) {
            body.put("quotaLimitBytes", limit);
        }
        String created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/accounts"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), 201);
        summary.add(user + "=" + json.readTree(created).path("accountId").asString());
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
