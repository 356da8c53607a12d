package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.JwtKit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R15 (issue 16): walking around the gateway gains nothing. Straight at sync-service and quota-service, a token that
 * lacks the route's scope is 403 (sync-service used to take {@code mail.write} where the gateway asks
 * {@code accounts.admin}), a token for another audience, without {@code exp} or without {@code sub} is 401 — while
 * the same customer's proper token works there, as it does through the gateway.
 */
class DefenceInDepthIT {

    record Call(String service, String method, String path, String token, int expected) {
    }

    @Test
    @DisplayName("R15: direct calls to the services with the wrong scope or audience")
    void theServicesCheckScopesAndAudiencesThemselves() {
        Stack stack = Stack.shared();
        JwtKit jwt = JwtKit.shared();
        String customer = "r11-" + UUID.randomUUID();
        // a server that never resolves (RFC 2606 .invalid): only the API is under test here
        String account = stack.admin().register(Stack.account(customer, "IMAP", 993, "r11", "r11-password-"
                + UUID.randomUUID()).put("host", "imap.r11.invalid"));
        String a = "/api/v1/accounts/" + account;
        String everything = jwt.token(customer, "mail.read", "mail.write", "quota.read");
        String body = "{\"customerId\":\"" + customer + "\",\"protocol\":\"IMAP\",\"host\":\"imap.example.net\","
                + "\"port\":993,\"security\":\"SSL\",\"username\":\"x\",\"password\":\"y\"}";
        List<Call> calls = List.of(
                // the customer's full token, but provisioning is accounts.admin (the gateway's rule, now theirs)
                new Call("sync-service", "POST", "/api/v1/accounts", everything, 403),
                new Call("sync-service", "DELETE", a, everything, 403),
                new Call("sync-service", "GET", a + "/messages", jwt.token(customer, "quota.read"), 403),
                new Call("sync-service", "POST", a + "/devices", jwt.token(customer, "mail.read"), 403),
                new Call("quota-service", "GET", a + "/quota", jwt.token(customer, "mail.read", "mail.write"), 403),
                new Call("quota-service", "GET", a + "/quota", jwt.token("ops", "accounts.admin"), 403),
                // tokens the identity provider issued for someone else, or that never expire, or name no customer
                new Call("sync-service", "GET", a + "/messages", jwt.tokenFor(List.of("mailsync-quota"), customer,
                        "mail.read"), 401),
                new Call("sync-service", "GET", a + "/messages", jwt.tokenFor(List.of("mailsync-api"), customer,
                        "mail.read"), 401),
                new Call("quota-service", "GET", a + "/quota", jwt.tokenFor(List.of("mailsync-sync"), customer,
                        "quota.read"), 401),
                new Call("quota-service", "GET", a + "/quota", jwt.tokenFor(List.of("webmail"), customer,
                        "quota.read"), 401),
                new Call("sync-service", "GET", a + "/messages", jwt.tokenWithoutExpiry(customer, "mail.read"), 401),
                new Call("sync-service", "GET", a + "/messages", jwt.tokenWithoutSubject("mail.read"), 401),
                new Call("quota-service", "GET", a + "/quota", jwt.tokenWithoutSubject("quota.read", "accounts.admin"),
                        401),
                // and the same customer's proper token works at the service itself
                new Call("sync-service", "GET", a + "/messages", everything, 200),
                new Call("sync-service", "GET", a, everything, 200));
        List<String> wrong = new ArrayList<>();
        // raw on purpose: bad tokens sent to each service directly, each answer's content type checked (issue 16)
        for (Call call : calls) {
            ApiClient.Response r = stack.direct(call.service(), call.token()).send(call.method(), call.path(),
                    call.method().equals("POST") ? "application/json" : null, call.method().equals("POST") ? body : null);
            if (r.status() != call.expected()
                    || (r.status() >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                wrong.add(call.service() + " " + call.method() + " " + call.path().replace(account, "{id}") + " -> "
                        + r.status() + " (expected " + call.expected() + ")");
            }
        }
        // the event stream, which the gateway serves itself, refuses a token without sub rather than skip the
        // tenant check (issue 16)
        ApiClient.Response noSub = new ApiClient(stack.gatewayUrl(), jwt.tokenWithoutSubject("mail.read"))
                .head(a + "/events");
        if (noSub.status() != 401) {
            wrong.add("gateway GET /events without sub -> " + noSub.status());
        }
        Outcomes.held("R15", "direct calls: wrong scope 403, wrong audience / no exp / no sub 401", calls.size() + 1,
                calls.size() + 1, 0, 0, wrong.size(), wrong.isEmpty() ? "every service checks the token itself"
                        : wrong.toString());
        assertThat(wrong).isEmpty();
    }
}
