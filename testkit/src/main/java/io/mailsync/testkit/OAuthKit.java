package io.mailsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Gets tokens from an OAuth 2.0 authorization server the way a partner would (issue 19): a back end with client
 * credentials (RFC 6749 §4.4: what {@code curl -u id:secret -d grant_type=client_credentials} does), and a
 * customer-facing app with the authorization code and PKCE (RFC 7636) through the server's sign-in form, as a browser
 * would: cookies, the form's CSRF field, the consent page where the client asks for one.
 */
public final class OAuthKit {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthKit() {
    }

    /** The token endpoint's whole answer, for tests of refusals. */
    public static HttpResponse<String> clientCredentialsResponse(String authServer, String clientId, String secret,
            String... scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HTTP, HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** An access token for a back end; fails with the server's answer if it refuses. */
    public static String clientCredentials(String authServer, String clientId, String secret, String... scopes) {
        return accessToken(clientCredentialsResponse(authServer, clientId, secret, scopes));
    }

    /**
     * An access token for a public client after {@code username} signs in (and consents, if asked): the whole
     * browser round trip — authorize, sign-in form, consent form, code at the redirect URI, code exchange with the
     * verifier.
     */
    public static String authorizationCode(String authServer, String clientId, String redirectUri, String username,
            String password, String... scopes) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = random(32);
        String state = random(16);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", clientId);
        authorize.put("redirect_uri", redirectUri);
        authorize.put("scope", String.join(" ", scopes));
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        String authorizeUri = authServer + "/oauth2/authorize?" + encode(authorize);

        String loginPage = location(send(browser, page(authorizeUri).GET().build()), "the sign-in page");
        String loginForm = expect(send(browser, page(absolute(authServer, loginPage)).GET().build()), 200).body();
        Map<String, String> login = new LinkedHashMap<>();
        login.put("username", username);
        login.put("password", password);
        login.put("_csrf", hidden(loginForm, "_csrf"));
        String back = location(send(browser, form(absolute(authServer, "/login"), login)), "the authorization request");
        HttpResponse<String> answer = send(browser, page(absolute(authServer, back)).GET().build());
        if (answer.statusCode() == 200) { // the consent page: approve every scope asked for
            String consent = answer.body();
            StringBuilder body = new StringBuilder(encode(Map.of("client_id", clientId, "state", hidden(consent, "state"))));
            Arrays.stream(scopes).forEach(s -> body.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
            answer = send(browser, page(authServer + "/oauth2/authorize")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }
        Map<String, String> redirect = query(location(answer, "the redirect URI"));
        if (!state.equals(redirect.get("state")) || !redirect.containsKey("code")) {
            throw new IllegalStateException("the redirect carried no code for our state: " + redirect.keySet());
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", redirect.get("code"));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        return accessToken(send(HTTP, form(authServer + "/oauth2/token", exchange)));
    }

    /** The claims of a JWT, unverified: for tests that look at what a token says. */
    public static JsonNode claims(String jwt) {
        return ApiClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The header of a JWT ({@code kid}, {@code alg}). */
    public static JsonNode header(String jwt) {
        return ApiClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    private static String accessToken(HttpResponse<String> response) {
        expect(response, 200);
        String token = ApiClient.JSON.readTree(response.body()).path("access_token").asString();
        if (token.isEmpty()) {
            throw new IllegalStateException("the token endpoint answered without access_token");
        }
        return token;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String location(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("expected a redirect to " + what + ", got " + response.statusCode()
                    + " from " + response.request().uri().getPath() + ": " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpRequest.Builder page(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest form(String uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
    }

    private static String absolute(String base, String location) {
        return location.startsWith("http") ? location : base + location;
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        Matcher reversed = Pattern.compile("<input[^>]*value=\"([^\"]*)\"[^>]*name=\"" + Pattern.quote(name) + "\"")
                .matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        if (reversed.find()) {
            return reversed.group(1);
        }
        throw new IllegalStateException("the page has no hidden field " + name);
    }

    private static Map<String, String> query(String uri) {
        String query = URI.create(uri).getRawQuery();
        return query == null ? Map.of() : Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA-256(ASCII(code_verifier))). */
    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
