package io.mailsync.support.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.SocketFactory;
import inet.ipaddr.IPAddress;

/**
 * Decides whether mailsync may connect to a customer's mail server (issue 16, SSRF): once at registration, on what
 * the customer typed, and again at every connect, on the address the name resolved to then — a name that resolves
 * to an internal address is refused where the socket is opened ({@link #socketFactory()}), so neither a DNS
 * answer that changes after registration nor a literal in another notation gets through.
 */
public final class MailServerPolicy {

    /** RFC 6761 §6.3: these names are loopback whatever DNS says. */
    private static final Set<String> LOCALHOST_NAMES = Set.of("localhost", "localhost.localdomain",
            "ip6-localhost", "ip6-loopback");

    private final List<IPAddress> allowedBlocks = new ArrayList<>();
    private final Set<String> allowedNames = new TreeSet<>();
    private final List<int[]> allowedPorts = new ArrayList<>();

    public MailServerPolicy(MailServerGuardProperties properties) {
        for (String entry : properties.allow()) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (isAddressOrBlock(e)) {
                allowedBlocks.add(AddressRanges.block(unbracket(e)));
            } else {
                allowedNames.add(normalName(e));
            }
        }
        for (String entry : properties.ports()) {
            allowedPorts.add(portRange(entry.trim()));
        }
    }

    /**
     * Why the customer's {@code host}:{@code port} is refused at registration, or empty. Literal addresses and
     * localhost names are judged here; other names are judged on what they resolve to at each connect.
     */
    public Optional<String> refusalAtRegistration(String host, int port) {
        Optional<String> portRefusal = refusal(port);
        if (portRefusal.isPresent()) {
            return portRefusal;
        }
        String name = normalName(unbracket(host));
        if (allowedNames.contains(name)) {
            return Optional.empty();
        }
        if (LOCALHOST_NAMES.contains(name) || name.endsWith(".localhost")) {
            return Optional.of("a localhost name (RFC 6761)");
        }
        return literal(name).flatMap(this::refusal);
    }

    /** Why connecting to {@code address} (resolved from {@code host}) on {@code port} is refused, or empty. */
    public Optional<String> refusalAtConnect(String host, InetAddress address, int port) {
        Optional<String> portRefusal = refusal(port);
        if (portRefusal.isPresent()) {
            return portRefusal;
        }
        if (host != null && allowedNames.contains(normalName(host))) {
            return Optional.empty();
        }
        return refusal(address);
    }

    /**
     * Sockets that refuse, at {@code connect}, an address this policy refuses — for Angus Mail's
     * {@code mail.<protocol>.socketFactory} (with {@code socketFactory.fallback=false}, so a refusal is not retried
     * without it). TLS is layered over these sockets by Angus as usual.
     */
    public SocketFactory socketFactory() {
        return new GuardedSocketFactory(this);
    }

    private Optional<String> refusal(InetAddress address) {
        IPAddress judged = AddressRanges.address(address);
        for (IPAddress allowed : allowedBlocks) {
            if (allowed.contains(judged)) {
                return Optional.empty();
            }
        }
        return AddressRanges.refusal(address).map(reason -> reason + " address " + address.getHostAddress());
    }

    private Optional<String> refusal(int port) {
        for (int[] range : allowedPorts) {
            if (port >= range[0] && port <= range[1]) {
                return Optional.empty();
            }
        }
        return Optional.of("port " + port + " is not an allowed mail port");
    }

    /** The address {@code host} spells without asking DNS, if it is a literal. */
    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    private static boolean isAddressOrBlock(String entry) {
        String address = unbracket(entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry);
        return literal(address).isPresent();
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static int[] portRange(String entry) {
        int dash = entry.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? entry : entry.substring(0, dash).trim());
        int to = dash < 0 ? from : Integer.parseInt(entry.substring(dash + 1).trim());
        if (from < 1 || to > 65535 || from > to) {
            throw new IllegalArgumentException("mailsync.security.mail-servers.ports: '" + entry
                    + "' is not a port or a range of ports within 1-65535");
        }
        return new int[] {from, to};
    }
}
