package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example Keycloak realm (deploy/README.md, "Identity provider") issues tokens the services accept (ADR 0008,
 * ADR 0010, 0013): the five scopes, the four audiences and {@code sub} = the customer id on every client, a back end on
 * client credentials only, a customer app public with PKCE — and no secret in the file. No Keycloak runs here, so
 * this checks the file's content, not a live import.
 */
class KeycloakRealmTest {

    private static Map<String, Object> realm;

    @BeforeAll
    static void parse() throws IOException {
        realm = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("keycloak/mailsync-realm.json"))); // JSON is YAML
    }

    @Test
    void the_five_api_scopes_are_client_scopes_that_go_into_the_token() {
        for (String scope : List.of("mail.read", "mail.write", "quota.read", "accounts.admin", "webhooks.manage")) {
            assertThat(Tree.string(clientScope(scope), "attributes", "include.in.token.scope")).as(scope)
                    .isEqualTo("true");
        }
    }

    @Test
    void every_client_gets_the_four_audiences_and_the_customer_as_sub() {
        List<Map<String, Object>> mappers = Tree.list(clientScope("mailsync-api"), "protocolMappers").stream()
                .map(m -> Tree.map(m)).toList();
        assertThat(mappers).filteredOn(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")))
                .extracting(m -> Tree.string(m, "config", "included.custom.audience"))
                .containsExactlyInAnyOrder("mailsync-api", "mailsync-sync", "mailsync-quota", "mailsync-webhooks");
        assertThat(mappers).filteredOn(m -> "sub".equals(Tree.string(m, "config", "claim.name")))
                .extracting(m -> Tree.string(m, "config", "user.attribute")).containsExactly("customerId");
        for (Object client : Tree.list(realm, "clients")) {
            assertThat(Tree.list(client, "defaultClientScopes")).as(Tree.string(client, "clientId"))
                    .containsExactly("mailsync-api");
        }
    }

    @Test
    void back_ends_use_client_credentials_only_and_name_their_customer() {
        for (String id : List.of("partner-backend", "isp-provisioning")) {
            Map<String, Object> client = client(id);
            assertThat(client).as(id).containsEntry("serviceAccountsEnabled", true)
                    .containsEntry("standardFlowEnabled", false).containsEntry("implicitFlowEnabled", false)
                    .containsEntry("directAccessGrantsEnabled", false).containsEntry("publicClient", false)
                    .doesNotContainKey("secret"); // Keycloak makes one at import; it never sits in the repository
            Map<String, Object> serviceAccount = Tree.list(realm, "users").stream().map(u -> Tree.map(u))
                    .filter(u -> id.equals(u.get("serviceAccountClientId"))).findFirst().orElseThrow();
            assertThat(Tree.list(serviceAccount, "attributes", "customerId")).as(id).hasSize(1);
        }
        assertThat(Tree.list(client("isp-provisioning"), "optionalClientScopes")).contains("accounts.admin");
        assertThat(Tree.list(client("partner-backend"), "optionalClientScopes")).doesNotContain("accounts.admin")
                .contains("webhooks.manage"); // a partner's back end receives webhooks (issue 19)
    }

    @Test
    void the_customer_app_is_public_with_pkce_and_consent() {
        Map<String, Object> app = client("customer-app");
        assertThat(app).containsEntry("publicClient", true).containsEntry("standardFlowEnabled", true)
                .containsEntry("implicitFlowEnabled", false).containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("consentRequired", true);
        assertThat(Tree.string(app, "attributes", "pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(Tree.list(app, "redirectUris")).isNotEmpty().noneMatch(uri -> uri.toString().endsWith("*"));
    }

    @Test
    void the_customer_id_is_a_declared_attribute_only_admins_set() {
        String profile = Tree.list(realm, "components", "org.keycloak.userprofile.UserProfileProvider").stream()
                .map(c -> Tree.list(c, "config", "kc.user.profile.config").get(0).toString()).findFirst().orElseThrow();
        assertThat(profile).contains("\"name\":\"customerId\"")
                .contains("\"permissions\":{\"view\":[\"admin\"],\"edit\":[\"admin\"]}");
    }

    private static Map<String, Object> clientScope(String name) {
        return Tree.list(realm, "clientScopes").stream().map(s -> Tree.map(s))
                .filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static Map<String, Object> client(String id) {
        return Tree.list(realm, "clients").stream().map(c -> Tree.map(c))
                .filter(c -> id.equals(c.get("clientId"))).findFirst().orElseThrow(() -> new AssertionError(id));
    }
}
