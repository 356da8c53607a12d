package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.MessageLocator;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the owner shares a mailbox with another person (their customer id); every route lets them do what their
 * grant's scopes say (403 for the rest: they know the mailbox exists), a revoked person is 404 everywhere at once,
 * like any stranger, and the grants travel on the accounts topic for the gateway and webhook-service.
 */
class GrantsIT extends SyncIntegrationTest {

    private record Shared(String owner, String accountId, String messageId, String ownerDevice) {
        String path() {
            return "/api/v1/accounts/" + accountId;
        }
    }

    private Shared mailbox() {
        String owner = newCustomer();
        String accountId = register(imapAccount(owner));
        ApiClient api = customer(owner);
        String device = api.registerDevice(accountId, "owner-phone");
        Broker.publish(topics.events(), MailEvents.arrived(accountId, MessageLocator.imap("INBOX", 7, 1), "family"));
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(1));
        return new Shared(owner, accountId, messagesOf(api, accountId).get("messages").get(0).get("id").asString(),
                device);
    }

    private ApiClient.Response grant(Shared box, String person, List<String> scopes) {
        return customer(box.owner()).post(box.path() + "/grants", json(map("person", person, "scopes", scopes,
                "contactAddress", person + "@home.example")));
    }

    @Test
    void aPersonWithReadScopeReadsButCannotChangeAnything() {
        Shared box = mailbox();
        String bob = newCustomer();
        ApiClient.Response granted = grant(box, bob, List.of("read"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        ApiClient asBob = customer(bob);

        assertThat(asBob.get(box.path()).status()).isEqualTo(200);
        assertThat(asBob.get("/api/v1/accounts").raw()).contains(box.accountId());
        assertThat(messagesOf(asBob, box.accountId()).get("messages")).hasSize(1);
        assertThat(asBob.get(box.path() + "/changes?since=" + messagesOf(asBob, box.accountId()).get("state")
                .asString()).status()).isEqualTo(200);

        ApiClient.Response patch = asBob.patch(box.path() + "/messages/" + box.messageId(), box.ownerDevice(),
                "{\"keywords\":{\"$seen\":true}}");
        assertThat(patch.status()).as(patch.toString()).isEqualTo(403);
        assertThat(patch.body().get("detail").asString()).contains("write");
        assertThat(asBob.post(box.path() + "/devices", json(Map.of("name", "bob-phone"))).status()).isEqualTo(403);
        assertThat(asBob.post(box.path() + "/grants", json(map("person", "eve", "scopes", List.of("read"))))
                .status()).isEqualTo(403);
        assertThat(asBob.get(box.path() + "/grants").status()).isEqualTo(403);
        assertThat(customer(box.owner()).get(box.path() + "/messages").body().get("messages").get(0)
                .get("keywords").has("$seen")).as("nothing bob tried changed the message").isFalse();
    }

    @Test
    void writeAndManageDevicesLetAPersonUseTheirOwnDevice() {
        Shared box = mailbox();
        String bob = newCustomer();
        grant(box, bob, List.of("read"));
        assertThat(grant(box, bob, List.of("read", "write", "manage-devices")).status()).isEqualTo(201);
        ApiClient asBob = customer(bob);

        String bobPhone = asBob.registerDevice(box.accountId(), "bob-phone");
        ApiClient.Response patch = asBob.patch(box.path() + "/messages/" + box.messageId(), bobPhone,
                "{\"keywords\":{\"$flagged\":true}}");

        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        // each person their own devices: neither may record reads on the other's
        ApiClient.Response onOwners = asBob.patch(box.path() + "/messages/" + box.messageId(), box.ownerDevice(),
                "{\"keywords\":{\"$seen\":true}}");
        assertThat(onOwners.status()).as(onOwners.toString()).isEqualTo(404);
        assertThat(onOwners.body().get("detail").asString()).contains("is not registered on this account");
        assertThat(customer(box.owner()).patch(box.path() + "/messages/" + box.messageId(), bobPhone,
                "{\"keywords\":{\"$seen\":true}}").status()).isEqualTo(404);
        assertThat(asBob.get(box.path() + "/devices/" + bobPhone).status()).isEqualTo(200);
        assertThat(asBob.get(box.path() + "/devices/" + box.ownerDevice()).status()).isEqualTo(404);
        assertThat(customer(box.owner()).patch(box.path() + "/messages/" + box.messageId(), box.ownerDevice(),
                "{\"keywords\":{\"$seen\":true}}").status()).isEqualTo(200);
        asBob.sendAs(bobPhone, "GET", box.path() + "/messages", null, null); // delivered to bob's phone
        assertThat(asBob.get(box.path() + "/messages/" + box.messageId()).body().get("devices").toString())
                .contains(bobPhone).doesNotContain(box.ownerDevice());
        assertThat(customer(box.owner()).get(box.path() + "/messages/" + box.messageId()).body().get("devices")
                .toString()).contains(box.ownerDevice()).doesNotContain(bobPhone);
        ApiClient.Response listed = customer(box.owner()).get(box.path() + "/grants");
        assertThat(listed.body().get("grants")).hasSize(1);
        assertThat(listed.body().get("grants").get(0).get("scopes").toString())
                .isEqualTo("[\"manage-devices\",\"read\",\"write\"]");
        assertThat(listed.body().get("grants").get(0).get("contactAddress").asString())
                .isEqualTo(bob + "@home.example");
    }

    @Test
    void aRevokedPersonGets404EverywhereAtOnceAndTheTopicSaysSo() {
        Shared box = mailbox();
        String bob = newCustomer();
        grant(box, bob, List.of("read", "write", "manage-devices"));
        ApiClient asBob = customer(bob);
        String bobPhone = asBob.registerDevice(box.accountId(), "bob-phone");
        Broker.await(topics.accounts(), r -> box.accountId().equals(r.key()) && r.value() != null
                && Broker.decode(r, AccountSpec.class).map(s -> s.grantsOrNone().size() == 1).orElse(false),
                Duration.ofSeconds(20));

        ApiClient.Response revoked = customer(box.owner()).delete(box.path() + "/grants/" + bob);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        List<String> not404 = new ArrayList<>();
        for (String[] route : routes(box, bobPhone)) {
            ApiClient.Response r = route[0].equals("PATCH")
                    ? asBob.patch(route[1], bobPhone, route[2])
                    : asBob.send(route[0], route[1], route[2] == null ? null : "application/json", route[2]);
            if (r.status() != 404) {
                not404.add(route[0] + " " + route[1] + " -> " + r.status());
            }
        }
        assertThat(not404).isEmpty();
        assertThat(asBob.get("/api/v1/accounts").raw()).doesNotContain(box.accountId());
        assertThat(customer(box.owner()).delete(box.path() + "/grants/" + bob).status()).isEqualTo(404);
        assertThat(customer(box.owner()).get(box.path() + "/grants").body().get("grants")).isEmpty();
        Broker.await(topics.accounts(), r -> box.accountId().equals(r.key()) && r.value() != null
                && Broker.decode(r, AccountSpec.class).map(s -> s.grants() == null).orElse(false)
                && r.offset() > 0, Duration.ofSeconds(20));
    }

    @Test
    void onlyTheOwnerShares_andBadGrantsAreRefusedWithAReason() {
        Shared box = mailbox();
        ApiClient stranger = customer(newCustomer());

        assertThat(stranger.post(box.path() + "/grants", json(map("person", "x", "scopes", List.of("read"))))
                .status()).isEqualTo(404);
        assertThat(stranger.get(box.path() + "/grants").status()).isEqualTo(404);
        ApiClient owner = customer(box.owner());
        ApiClient.Response badScope = owner.post(box.path() + "/grants", json(map("person", "bob",
                "scopes", List.of("read", "root"))));
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.body().get("detail").asString()).contains("'root' is not one of read, write, manage-devices");
        assertThat(owner.post(box.path() + "/grants", json(map("person", box.owner(), "scopes", List.of("read"))))
                .status()).isEqualTo(400);
        assertThat(owner.post(box.path() + "/grants", json(map("person", "bob", "scopes", List.of()))).status())
                .isEqualTo(400);
        assertThat(owner.get(box.path() + "/grants").body().get("grants")).isEmpty();
    }

    private static List<String[]> routes(Shared box, String device) {
        String a = box.path();
        String m = a + "/messages/" + box.messageId();
        String seen = "{\"keywords\":{\"$seen\":true}}";
        return List.of(new String[] {"GET", a, null}, new String[] {"GET", a + "/messages", null},
                new String[] {"GET", m, null}, new String[] {"GET", m + "/raw", null},
                new String[] {"PATCH", m, seen}, new String[] {"GET", a + "/changes?since=0-0", null},
                new String[] {"POST", a + "/devices", "{\"name\":\"again\"}"},
                new String[] {"GET", a + "/devices/" + device, null}, new String[] {"GET", a + "/deleted", null},
                new String[] {"POST", m + "/trash", null}, new String[] {"GET", a + "/quota/suggestions", null},
                new String[] {"GET", a + "/grants", null},
                new String[] {"POST", a + "/grants", "{\"person\":\"eve\",\"scopes\":[\"read\"]}"});
    }
}
