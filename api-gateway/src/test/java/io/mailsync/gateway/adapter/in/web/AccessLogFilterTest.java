package io.mailsync.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request timer counts every request under its route and status, with the timers kept between requests. */
class AccessLogFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccessLogFilter filter = new AccessLogFilter(meters);

    @Test
    void countsEachRequestUnderItsRouteAndStatus() throws Exception {
        request("/api/v1/accounts/a1/changes", 200);
        request("/api/v1/accounts/a2/changes", 200);
        request("/api/v1/accounts/a1/quota", 200);
        request("/api/v1/accounts/a1/changes", 404);

        assertThat(count("sync-service", "200")).isEqualTo(2);
        assertThat(count("quota-service", "200")).isEqualTo(1);
        assertThat(count("sync-service", "404")).isEqualTo(1);
        assertThat(meters.find("mailsync.gateway.requests").timers()).hasSize(3);
    }

    private void request(String path, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((MockHttpServletResponse) res).setStatus(status);
            }
        });
    }

    private long count(String route, String status) {
        return meters.get("mailsync.gateway.requests").tag("route", route).tag("status", status).timer().count();
    }
}
