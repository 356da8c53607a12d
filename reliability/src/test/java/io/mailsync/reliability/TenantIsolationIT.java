package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.PublicApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * R8: another customer's token gets nothing — every public route, through the gateway and straight at the
 * sync-service (which verifies the token again), with the victim's ids in the path and with the victim's message
 * and device ids under the attacker's own account. No byte of the victim's data, no change to it, and no answer
 * that tells the victim's ids from ids that exist nowhere (ADR 0001: 404, not 403; a scope refusal is the same for
 * every id, so it is no oracle, and the table notes it). Sent raw on purpose: one table of routes, methods and bodies
 * walked alike at the gateway and at sync-service; the victim's own setup goes through the generated client (issue 19).
 */
@Order(80)
class TenantIsolationIT {

    record Attempt(String method, String path, String body) {
    }

    @Test
    @DisplayName("R8: every route with another customer's token")
    void anotherCustomersTokenGetsNothing() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        String secretSubject = "victim-subject-" + UUID.randomUUID();
        MailUser victimUser = dovecot.newUser("r8victim", null);
        String victimHeader = Mail.newMessageId("r8");
        dovecot.deliver(victimUser, Mail.text(victimHeader, victimUser, secretSubject));
        String victim = "r8v-" + UUID.randomUUID();
        String victimAccount = stack.registerImap(victim, dovecot.imapPort(), victimUser.login(),
                victimUser.password());
        ApiClient victimApi = stack.customer(victim);
        await().atMost(Duration.ofSeconds(40)).until(() -> victimApi.messages(victimAccount).size() == 1);
        String message = victimApi.messages(victimAccount).getFirst().path("id").asString();
        String device = victimApi.registerDevice(victimAccount, "victim-phone");

        MailUser attackerUser = dovecot.newUser("r8attacker", null);
        String attacker = "r8a-" + UUID.randomUUID();
        String own = stack.registerImap(attacker, dovecot.imapPort(), attackerUser.login(),
                attackerUser.password());
        String ownDevice = stack.customer(attacker).registerDevice(own, "attacker-phone");

        List<Attempt> attempts = attempts(victimAccount, message, device, own);
        List<String> leaks = new ArrayList<>();
        List<String> not404 = new ArrayList<>();
        // the victim's data the attacker does not already hold (ids it put in the path may be echoed in a problem)
        List<String> secrets = List.of(secretSubject, victimHeader, victimUser.login(), "victim-phone");
        int tried = 0;
        for (ApiClient attackerApi : List.of(stack.customer(attacker), stack.customerAtSync(attacker))) {
            for (Attempt a : attempts) {
                tried++;
                ApiClient.Response r = attempt(attackerApi, a, ownDevice);
                String where = a.method() + " " + a.path().replace(victimAccount, "{victim}").replace(own, "{own}");
                if (r.status() / 100 == 2 || secrets.stream().anyMatch(r.raw()::contains)) {
                    leaks.add(where + " -> " + r.status());
                } else if (r.status() != 404) {
                    // not 404: an existence oracle unless the same request about ids that exist nowhere answers alike
                    Attempt nowhere = new Attempt(a.method(), a.path().replace(victimAccount, "a-" + UUID.randomUUID())
                            .replace(message, "M" + UUID.randomUUID().toString().replace("-", "")), a.body());
                    int baseline = attempt(attackerApi, nowhere, ownDevice).status();
                    if (baseline != r.status()) {
                        leaks.add(where + " -> " + r.status() + " where an unknown id answers " + baseline);
                    }
                    not404.add(where + " -> " + r.status() + " (unknown ids: " + baseline + ")");
                }
            }
            // PATCH with the attacker's own device id against the victim's message
            tried++;
            ApiClient.Response r = attackerApi.patch("/api/v1/accounts/" + victimAccount + "/messages/" + message,
                    ownDevice, "{\"keywords\":{\"$flagged\":true}}");
            if (r.status() / 100 == 2) {
                leaks.add("PATCH victim message with own device -> " + r.status());
            }
        }
        // and the victim's data is as it was: the account, its message unread and unflagged, its device
        JsonNode after = victimApi.messages(victimAccount).getFirst();
        PublicApi victimTyped = victimApi.api();
        boolean intact = victimTyped.status(() -> victimTyped.accounts.getAccount(victimAccount)) == 200
                && after.path("keywords").size() == 0
                && victimTyped.status(() -> victimTyped.devices.getDevice(victimAccount, device)) == 200;
        // listing as the attacker with the victim's customer id shows none of the victim's accounts
        tried++;
        String listed = stack.customer(attacker).get("/api/v1/accounts?customerId=" + victim).raw();
        if (listed.contains(victimAccount)) {
            leaks.add("GET /api/v1/accounts?customerId={victim} lists the victim's account");
        }
        int leakCount = leaks.size() + (intact ? 0 : 1);
        Outcomes.held("R8", "another customer's token, gateway + sync-service", tried, tried, 0, 0, leakCount,
                (leaks.isEmpty() ? "" : "leaks: " + leaks + "; ") + (intact ? "victim data intact" : "VICTIM DATA CHANGED")
                        + (not404.isEmpty() ? "" : "; not 404: " + not404));
        assertThat(leaks).isEmpty();
        assertThat(intact).as("the victim's account, message and device are unchanged").isTrue();
    }

    private static ApiClient.Response attempt(ApiClient api, Attempt a, String ownDevice) {
        if (a.path().endsWith("/events")) {
            return api.head(a.path());
        }
        if (a.method().equals("PATCH")) {
            return api.patch(a.path(), ownDevice, a.body());
        }
        return api.send(a.method(), a.path(), a.body() == null ? null : "application/json", a.body());
    }

    private static List<Attempt> attempts(String victim, String message, String device, String own) {
        String a = "/api/v1/accounts/" + victim;
        String mine = "/api/v1/accounts/" + own;
        String seen = "{\"keywords\":{\"$seen\":true}}";
        return List.of(
                new Attempt("GET", a, null),
                new Attempt("GET", a + "/messages", null),
                new Attempt("GET", a + "/messages?folder=INBOX&limit=10", null),
                new Attempt("GET", a + "/messages/" + message, null),
                new Attempt("GET", a + "/messages/" + message + "/raw", null),
                new Attempt("PATCH", a + "/messages/" + message, seen),
                new Attempt("GET", a + "/changes", null),
                new Attempt("GET", a + "/changes?since=0", null),
                new Attempt("POST", a + "/devices", "{\"name\":\"intruder\"}"),
                new Attempt("GET", a + "/devices/" + device, null),
                new Attempt("GET", a + "/quota", null),
                new Attempt("GET", a + "/events", null),
                new Attempt("GET", mine + "/messages/" + message, null),
                new Attempt("GET", mine + "/messages/" + message + "/raw", null),
                new Attempt("PATCH", mine + "/messages/" + message, seen),
                new Attempt("GET", mine + "/devices/" + device, null),
                new Attempt("DELETE", a, null));
    }
}
