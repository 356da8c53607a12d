package io.mailsync.support.net;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which mail servers mailsync may connect to for a customer (issue 16: registration took any host and port, a port
 * scanner and a metadata-service probe). Public addresses on the mail ports are allowed; loopback, link-local
 * (cloud metadata), private, shared (CGNAT), unique-local, unspecified, multicast and reserved addresses are refused
 * unless {@code allow} names them.
 *
 * @param allow CIDR blocks ({@code 10.20.0.0/16}, {@code fd12::/64}), single addresses or host names (exact,
 *              case-insensitive) that may be connected to even though they are internal — the ISP's own mail servers
 * @param ports ports that may be connected to: numbers or ranges ({@code 1024-65535})
 */
@ConfigurationProperties("mailsync.security.mail-servers")
public record MailServerGuardProperties(
        @DefaultValue List<String> allow,
        @DefaultValue({"110", "143", "993", "995"}) List<String> ports) {
}
