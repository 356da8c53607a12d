package io.mailsync.webhook.adapter.out.http;

import io.mailsync.events.crypto.WebhookSignature;
import io.mailsync.support.net.MailServerPolicy;
import io.mailsync.webhook.application.port.out.WebhookSender;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.SendOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs {@code {id, type, occurredAt, subscriptionId, accountId, data}} with the signature headers of
 * {@link WebhookSignature}. Every socket comes from the policy's guarded factory, which checks the address a name
 * resolved to at the moment of connecting (ADR 0008, 0013): a host that resolves to a private or metadata address
 * is refused there, whatever it resolved to when the subscription was made. The JDK HTTP client takes no socket
 * factory, hence HttpClient 5. Redirects are not followed (a 3xx is a failed attempt), nothing is retried here
 * (the retry topics do that), and what is logged of a failure never holds the URL, which may carry a token.
 */
@Component
class HttpWebhookSender implements WebhookSender, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloseableHttpClient client;

    HttpWebhookSender(MailServerPolicy policy,
                      @Value("${mailsync.webhooks.delivery.connect-timeout:5s}") Duration connectTimeout,
                      @Value("${mailsync.webhooks.delivery.response-timeout:10s}") Duration responseTimeout) {
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                proxy -> policy.socketFactory().createSocket(), DefaultSchemePortResolver.INSTANCE,
                SystemDefaultDnsResolver.INSTANCE, RegistryBuilder.<TlsSocketStrategy>create()
                        .register("https", DefaultClientTlsStrategy.createSystemDefault()).build());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(operator,
                PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.NEG_ONE_MILLISECOND, null);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(responseTimeout)).build());
        connections.setMaxTotal(200);
        connections.setDefaultMaxPerRoute(4);
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("mailsync-webhooks/1").build();
    }

    /** The body receivers get: stable field order, so a golden file can pin it. */
    record Body(String id, String type, Instant occurredAt, String subscriptionId, String accountId,
                Map<String, String> data) {

        static byte[] of(Delivery d) {
            return JSON.writeValueAsBytes(new Body(d.eventId(), d.type(), d.occurredAt(), d.subscriptionId(),
                    d.accountId().value(), new java.util.TreeMap<>(d.data())));
        }
    }

    @Override
    public SendOutcome send(URI url, Delivery delivery, List<String> secrets, Instant now) {
        byte[] body = Body.of(delivery);
        HttpPost post = new HttpPost(url);
        post.setHeader(WebhookSignature.EVENT_ID_HEADER, delivery.eventId());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()));
        post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets, now.getEpochSecond(), body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            return client.execute(post, response -> SendOutcome.answered(response.getCode()));
        } catch (SocketTimeoutException e) {
            return SendOutcome.failed("no answer within the timeout");
        } catch (ConnectException e) {
            return SendOutcome.failed(String.valueOf(e.getMessage()).contains("outbound policy")
                    ? "refused by mailsync's outbound policy" : "could not connect");
        } catch (SSLException e) {
            return SendOutcome.failed("TLS failed");
        } catch (IOException e) {
            return SendOutcome.failed("I/O failure (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
