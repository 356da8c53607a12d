package io.mailsync.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Address blocks no customer's mailbox can legitimately live in (RFC 6890 special-purpose registries), each with the
 * reason an operator reads in the log. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are
 * judged by the IPv4 address they carry.
 */
final class AddressRanges {

    private record Range(IPAddress block, String reason) {
    }

    private static final List<Range> REFUSED = List.of(
            range("0.0.0.0/8", "unspecified / this network"),
            range("10.0.0.0/8", "private (RFC 1918)"),
            range("100.64.0.0/10", "shared address space (RFC 6598, carrier-grade NAT)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local (cloud metadata services live here)"),
            range("172.16.0.0/12", "private (RFC 1918)"),
            range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.168.0.0/16", "private (RFC 1918)"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved / broadcast"),
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("fc00::/7", "unique local (cloud metadata, e.g. fd00:ec2::254, lives here)"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"),
            range("2001:db8::/32", "documentation"),
            range("100::/64", "discard-only"));

    private AddressRanges() {
    }

    private static Range range(String cidr, String reason) {
        return new Range(block(cidr), reason);
    }

    /** Why connecting to {@code address} is refused by default; empty for an ordinary public address. */
    static Optional<String> refusal(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        IPAddress judgedAddress = address(judged);
        for (Range range : REFUSED) {
            if (range.block().contains(judgedAddress)) {
                return Optional.of(range.reason());
            }
        }
        return Optional.empty();
    }

    /** A CIDR block (or one address) as the set of addresses it covers. */
    static IPAddress block(String cidr) {
        IPAddressString text = new IPAddressString(cidr);
        if (!text.isIPAddress()) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address or CIDR block");
        }
        return text.getAddress().toPrefixBlock();
    }

    static IPAddress address(InetAddress address) {
        return new IPAddressString(address.getHostAddress()).getAddress().withoutPrefixLength();
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64) and 2002:aabb:ccdd:: (6to4). */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = allZero(b, 0, 10);
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16)
                && !(allZero(b, 12, 15) && b[15] == 1); // ::1 is loopback itself, not 0.0.0.1
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(v4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(v4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }
}
