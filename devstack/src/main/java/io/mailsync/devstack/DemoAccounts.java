package io.mailsync.devstack;

import io.mailsync.client.model.AccountResponse;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.PublicApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers the demo mailboxes through the public API, as an ISP's provisioning system would — through the client
 * generated from the public document (issue 19), so devstack's own start breaks when the contract drifts under it.
 */
final class DemoAccounts {

    private final ApiClient admin;
    private final ApiClient customer;
    private final List<String> summary = new ArrayList<>();

    DemoAccounts(String gateway, String adminToken, String customerToken) {
        this.admin = new ApiClient(gateway, adminToken);
        this.customer = new ApiClient(gateway, customerToken);
    }

    /** Throws as it did when it spoke HTTP itself; the generated client's failures are unchecked. */
    String registerIfMissing(String customerId) throws IOException, InterruptedException {
        PublicApi api = customer.api();
        List<AccountResponse> existing = api.call(() -> api.accounts.listAccounts(null)).getAccounts();
        if (!existing.isEmpty()) {
            existing.forEach(a -> summary.add(a.getUsername() + "=" + a.getAccountId()));
            return "found " + existing.size() + " from the last run";
        }
        register(customerId, "IMAP", DemoMailboxes.IMAP, "alice", null, "alice@demo.test");
        register(customerId, "POP3", DemoMailboxes.POP3, "bob", null, "bob@demo.test");
        register(customerId, "IMAP", DemoMailboxes.IMAP, "carol", DemoMailboxes.NEARLY_FULL_LIMIT,
                "notices@demo.test");
        return "registered " + summary.size();
    }

    String summary() {
        return String.join(", ", summary);
    }

    private void register(String customerId, String protocol, int port, String user, Long limit, String contact) {
        ObjectNode body = ApiClient.account(customerId, protocol, port, user, DemoMailboxes.PASSWORD)
                .put("storeBodies", true).put("contactAddress", contact);
        if (limit != null) {
            body.put("quotaLimitBytes", limit);
        }
        summary.add(user + "=" + admin.register(body));
    }
}
