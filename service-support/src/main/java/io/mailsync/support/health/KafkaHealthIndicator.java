package io.mailsync.support.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the brokers answer a cluster description. Spring Boot has no Kafka health check; a service whose
 * listeners and producers have lost every broker must leave the load balancer and hold back a rolling update.
 * One admin client for the life of the service: creating one per probe costs a connection and a thread each time.
 */
final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final BoundedCheck check;
    private volatile Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig, BoundedCheck check) {
        this.adminConfig = adminConfig;
        this.check = check;
    }

    @Override
    public Health health() {
        return check.run(() -> {
            long waitMillis = check.timeout().toMillis();
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) waitMillis));
            int brokers = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
            return brokers > 0
                    ? Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build()
                    : Health.down().withDetail("brokers", 0).build();
        });
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(1));
        }
        check.close();
    }
}
