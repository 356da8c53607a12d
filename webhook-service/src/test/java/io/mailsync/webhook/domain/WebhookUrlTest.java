package io.mailsync.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    @Test
    void httpsIsTakenAndItsPortIs443UnlessNamed() {
        URI url = WebhookUrl.parse("https://hooks.example.com/mailsync?x=1", false);
        assertThat(WebhookUrl.port(url)).isEqualTo(443);
        assertThat(WebhookUrl.port(WebhookUrl.parse("https://hooks.example.com:8443/", false))).isEqualTo(8443);
    }

    @Test
    void plainHttpOnlyWhereTheDeploymentAllowsIt() {
        assertThatThrownBy(() -> WebhookUrl.parse("http://hooks.example.com/", false))
                .hasMessage("url must be https");
        assertThat(WebhookUrl.port(WebhookUrl.parse("http://hooks.example.com/", true))).isEqualTo(80);
    }

    @Test
    void otherSchemesUserInfoFragmentsAndRelativeUrlsAreRefusedWithAReason() {
        assertThatThrownBy(() -> WebhookUrl.parse("ftp://hooks.example.com/", true)).hasMessageContaining("https");
        assertThatThrownBy(() -> WebhookUrl.parse("https://user:pw@hooks.example.com/", false))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.example.com/#x", false))
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> WebhookUrl.parse("/relative", false)).hasMessageContaining("https");
        assertThatThrownBy(() -> WebhookUrl.parse("https://", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookUrl.parse(" ", false)).hasMessageContaining("required");
    }
}
