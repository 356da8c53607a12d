package io.mailsync.gateway.adapter.in.web;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import io.mailsync.gateway.application.settings.DownstreamSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The public routes (ADR 0001): quota to quota-service (except its space-saving suggestions, which sync-service
 * computes from the messages it holds), webhook subscriptions to webhook-service (ADR 0013), push served here
 * ({@link EventsController}), every other {@code /api/v1/**} path to sync-service. Each route has its own breakers
 * and bulkheads ({@link DownstreamGuard}), so a slow webhook-service pauses only the webhook calls. The {@code Authorization} header goes through untouched: the services
 * verify the same token again.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

    static final String QUOTA = "quota-service";
    static final String SYNC = "sync-service";
    static final String WEBHOOKS = "webhook-service";

    static final String QUOTA_PATH = "/api/v1/accounts/{accountId}/quota";
    static final String QUOTA_SUBTREE = "/api/v1/accounts/{accountId}/quota/**";
    static final String EVENTS_PATH = "/api/v1/accounts/{accountId}/events";
    /** Served by sync-service, which has the messages' sizes and folders (issue 11). */
    static final String SUGGESTIONS_PATH = "/api/v1/accounts/{accountId}/quota/suggestions";
    static final String WEBHOOKS_PATH = "/api/v1/webhooks";
    static final String WEBHOOKS_SUBTREE = "/api/v1/webhooks/**";

    @Bean
    RouterFunction<ServerResponse> quotaRoute(DownstreamSettings downstream, DownstreamGuard guard) {
        return route(QUOTA)
                .route(quotaPaths(), http())
                .before(uri(downstream.quotaUri()))
                .filter(guard.guard(QUOTA))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> webhooksRoute(DownstreamSettings downstream, DownstreamGuard guard) {
        return route(WEBHOOKS)
                .route(webhookPaths(), http())
                .before(uri(downstream.webhooksUri()))
                .filter(guard.guard(WEBHOOKS))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> syncRoute(DownstreamSettings downstream, DownstreamGuard guard) {
        return route(SYNC)
                .route(path("/api/v1/**").and(quotaPaths().negate()).and(webhookPaths().negate())
                        .and(path(EVENTS_PATH).negate()), http())
                .before(uri(downstream.syncUri()))
                .filter(guard.guard(SYNC))
                .build();
    }

    private static RequestPredicate quotaPaths() {
        return path(QUOTA_PATH).or(path(QUOTA_SUBTREE).and(path(SUGGESTIONS_PATH).negate()));
    }

    private static RequestPredicate webhookPaths() {
        return path(WEBHOOKS_PATH).or(path(WEBHOOKS_SUBTREE));
    }
}
