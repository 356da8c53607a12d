package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R16 (issue 16): registration is no port scanner and no metadata-service probe. Internal addresses and ports other
 * than the mail ports are 400 at registration unless the operator's allow-list names them (the suite allows
 * 127.0.0.1 only, as devstack does), with one generic sentence; a name that resolves to a refused address
 * ({@link TestResolver}: {@code *.ssrf.test} → 127.0.0.2) is refused at connect — the listener there sees no
 * connection, and the customer sees only a generic status reason. No packet goes anywhere but loopback.
 */
class SsrfIT {

    @Test
    @DisplayName("R16: internal addresses refused at registration and, after DNS, at connect")
    void internalAddressesAreRefusedAtRegistrationAndAtConnect() throws Exception {
        Stack stack = Stack.shared();
        String customer = "r12-" + UUID.randomUUID();
        List<String> wrong = new ArrayList<>();
        record Target(String host, int port) {
        }
        List<Target> refused = List.of(new Target("169.254.169.254", 80), new Target("169.254.169.254", 143),
                new Target("127.0.0.1", 1), new Target("127.0.0.2", 143), new Target("10.0.0.1", 993),
                new Target("192.168.1.10", 143), new Target("172.16.5.4", 995), new Target("100.64.0.1", 143),
                new Target("[fd00:ec2::254]", 993), new Target("fe80::1", 143), new Target("0.0.0.0", 143),
                new Target("224.0.0.1", 143), new Target("::ffff:169.254.169.254", 143),
                new Target("mail.localhost", 143), new Target("imap.example.net", 22));
        String firstDetail = null;
        for (Target t : refused) {
            // raw: the refusal's content type is asserted (problem+json), which the generated client drops
            ApiClient.Response r = stack.admin().post("/api/v1/accounts", Stack.account(customer, "IMAP", t.port(), "u",
                    "p-" + UUID.randomUUID()).put("host", t.host()));
            if (r.status() != 400 || !r.contentType().startsWith("application/problem+json")) {
                wrong.add(t + " -> " + r.status());
            }
            String detail = r.body().path("detail").asString();
            firstDetail = firstDetail == null ? detail : firstDetail;
            if (!detail.equals(firstDetail)) {
                wrong.add(t + ": a detail that tells refusals apart: " + detail);
            }
        }

        // a name the customer may register, which resolves to an address the policy refuses
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            AtomicInteger accepted = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket ignored = listener.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            String host = "imap." + UUID.randomUUID().toString().substring(0, 8) + TestResolver.SUFFIX;
            String account = stack.admin().register(Stack.account(customer, "IMAP", listener.getLocalPort(), "u",
                    "p-" + UUID.randomUUID()).put("host", host));
            await().atMost(Duration.ofSeconds(30)).until(() -> "UNREACHABLE".equals(stack.admin().status(account)));
            String reason = stack.admin().getAccount(account).getStatusReason();
            if (accepted.get() != 0) {
                wrong.add("the listener behind " + host + " saw " + accepted.get() + " connections");
            }
            if (reason.contains("127.0.0.2") || reason.contains("loopback") || reason.contains("refused")) {
                wrong.add("the status reason tells the customer why: " + reason);
            }
            stack.admin().removeAccount(account);
        }
        Outcomes.held("R16", "SSRF: registration + connect after DNS", refused.size() + 1, refused.size() + 1, 0, 0,
                wrong.size(), wrong.isEmpty() ? refused.size() + " refused at registration (one generic detail); a "
                        + "name resolving to 127.0.0.2 refused at connect, 0 connections" : wrong.toString());
        assertThat(wrong).isEmpty();
    }
}
