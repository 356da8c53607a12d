package io.mailsync.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathTest {

    @Test
    void findsTheAccountIdOfAccountPaths() {
        assertThat(ApiPath.accountId("/api/v1/accounts/a1")).hasValue("a1");
        assertThat(ApiPath.accountId("/api/v1/accounts/a1/messages/m1")).hasValue("a1");
        assertThat(ApiPath.accountId("/api/v1/accounts/")).isEmpty();
        assertThat(ApiPath.accountId("/api/v1/accounts")).isEmpty();
        assertThat(ApiPath.accountId("/api/v1/other/a1")).isEmpty();
        assertThat(ApiPath.accountId(null)).isEmpty();
    }

    @Test
    void namesTheRouteOfAPath() {
        assertThat(ApiPath.route("/api/v1/accounts/a1/quota")).isEqualTo("quota-service");
        assertThat(ApiPath.route("/api/v1/accounts/a1/quota/history")).isEqualTo("quota-service");
        assertThat(ApiPath.route("/api/v1/accounts/a1/events")).isEqualTo("events");
        assertThat(ApiPath.route("/api/v1/accounts/a1/messages")).isEqualTo("sync-service");
        assertThat(ApiPath.route("/api/v1/accounts")).isEqualTo("sync-service");
        assertThat(ApiPath.route("/api/v1/webhooks")).isEqualTo("webhook-service");
        assertThat(ApiPath.route("/api/v1/webhooks/wh_1/deliveries")).isEqualTo("webhook-service");
        assertThat(ApiPath.route("/api/v1/webhooksx")).isEqualTo("sync-service");
        assertThat(ApiPath.route("/actuator/health")).isEqualTo("gateway");
    }
}
