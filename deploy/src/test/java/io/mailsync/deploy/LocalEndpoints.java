package io.mailsync.deploy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the cluster's neighbours are for the services in ConfigurationBootIT: the identity provider's JWK set (testkit's
 * signing key, as the ISP's IdP would publish it) and an OpenTelemetry collector's OTLP/HTTP trace receiver, which
 * counts what it is sent.
 */
final class LocalEndpoints implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger traceExports = new AtomicInteger();

    LocalEndpoints(String publicKeyLocation) throws Exception {
        String jwks = new JWKSet(new RSAKey.Builder(publicKey(publicKeyLocation)).build()).toString();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            traceExports.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    String otlpTracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    int traceExports() {
        return traceExports.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAPublicKey publicKey(String location) throws Exception {
        String pem = Files.readString(Path.of(URI.create(location)));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
