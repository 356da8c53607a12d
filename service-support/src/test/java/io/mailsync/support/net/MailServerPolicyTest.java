package io.mailsync.support.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which mail servers a customer may register (issue 16, SSRF): public addresses on mail ports, unless allowed. */
class MailServerPolicyTest {

    private final MailServerPolicy defaults = new MailServerPolicy(new MailServerGuardProperties(List.of(),
            List.of("110", "143", "993", "995")));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "[::1]", "::", "fd00:ec2::254",
            "[fd00:ec2::254]", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::", "localhost", "LOCALHOST.", "mail.localhost", "ip6-localhost", "198.18.0.1"})
    void internalAddressesAreRefusedAtRegistration(String host) {
        assertThat(defaults.refusalAtRegistration(host, 993)).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "imap.example.net",
            "mail.isp.example"})
    void publicAddressesAndNamesPassRegistration(String host) {
        assertThat(defaults.refusalAtRegistration(host, 993)).as(host).isEmpty();
    }

    @Test
    void onlyMailPortsByDefault() {
        assertThat(defaults.refusalAtRegistration("93.184.216.34", 80)).hasValueSatisfying(
                r -> assertThat(r).contains("port 80"));
        assertThat(defaults.refusalAtRegistration("93.184.216.34", 22)).isPresent();
        for (int port : new int[] {110, 143, 993, 995}) {
            assertThat(defaults.refusalAtRegistration("93.184.216.34", port)).isEmpty();
        }
    }

    @Test
    void anOperatorAllowListNamesInternalServersAndPorts() {
        MailServerPolicy isp = new MailServerPolicy(new MailServerGuardProperties(
                List.of("10.20.0.0/16", "fd12:3456::/32", "imap.internal.isp", "127.0.0.1"),
                List.of("143", "993", "10143-10199")));
        assertThat(isp.refusalAtRegistration("10.20.3.4", 143)).isEmpty();
        assertThat(isp.refusalAtRegistration("10.21.3.4", 143)).isPresent();
        assertThat(isp.refusalAtRegistration("fd12:3456::9", 993)).isEmpty();
        assertThat(isp.refusalAtRegistration("imap.internal.isp", 10150)).isEmpty();
        assertThat(isp.refusalAtRegistration("127.0.0.1", 10143)).isEmpty();
        assertThat(isp.refusalAtRegistration("127.0.0.2", 10143)).as("only the address named").isPresent();
        assertThat(isp.refusalAtRegistration("10.20.3.4", 22)).as("ports still apply").isPresent();
        assertThat(isp.refusalAtRegistration("169.254.169.254", 143)).isPresent();
    }

    @Test
    void atConnectTheResolvedAddressDecidesUnlessTheNameIsAllowed() throws Exception {
        InetAddress loopback = InetAddress.getByAddress("mail.rebound.test", new byte[] {127, 0, 0, 2});
        assertThat(defaults.refusalAtConnect("mail.rebound.test", loopback, 993)).hasValueSatisfying(
                r -> assertThat(r).contains("loopback"));
        MailServerPolicy named = new MailServerPolicy(new MailServerGuardProperties(List.of("mail.rebound.test"),
                List.of("993")));
        assertThat(named.refusalAtConnect("mail.rebound.test", loopback, 993)).isEmpty();
        assertThat(named.refusalAtConnect("other.test", loopback, 993)).isPresent();
    }
}
