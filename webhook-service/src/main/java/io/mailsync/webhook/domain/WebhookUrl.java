package io.mailsync.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A receiver's URL as a customer may give it: absolute, {@code https} (plain {@code http} only where the deployment
 * allows it — tests and devstack), a host, no user info (it would be sent as a credential to whoever the host is)
 * and no fragment. Whether the host may be reached at all is the outbound policy's call, not this one's.
 */
public final class WebhookUrl {

    private static final int MAX_LENGTH = 2048;

    private WebhookUrl() {
    }

    /** The URL, or an {@link IllegalArgumentException} whose message a customer can act on. */
    public static URI parse(String raw, boolean allowHttp) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("url is required, at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new IllegalArgumentException("url must be https" + (allowHttp ? " or http" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("url must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not carry user info or a fragment");
        }
        return uri;
    }

    /** The port a connection to {@code url} uses. */
    public static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }
}
