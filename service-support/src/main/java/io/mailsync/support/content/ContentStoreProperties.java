package io.mailsync.support.content;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailsync.content.*}.
 *
 * @param uri the content store's MongoDB URI with its database ({@code mongodb://host:27017/mailsync-content}); no
 *            default — a service that keeps bodies refuses to start without it (issue 17)
 */
@ConfigurationProperties("mailsync.content")
public record ContentStoreProperties(String uri) {
}
