package io.mailsync.reliability;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * A DNS that answers 127.0.0.2 for every name under {@code .ssrf.test} and hands every other question to the JDK's
 * own resolver (JEP 418), so R12 can register a name that resolves to a refused address without any real DNS — and
 * without any packet leaving loopback.
 */
public final class TestResolver extends InetAddressResolverProvider {

    static final String SUFFIX = ".ssrf.test";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.endsWith(SUFFIX)) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}));
                }
                return system.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "mailsync-reliability-ssrf";
    }
}
