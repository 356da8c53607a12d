package io.mailsync.support.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while MongoDB answers {@code ping}. Replaces Boot's check, which lists every database and asks each one
 * {@code hello} — a command mongo-java-server (tests, devstack) does not answer (ENVIRONMENT.md) — and which waits
 * out the driver's 30 s server selection when the replica set is gone.
 */
final class MongoHealthIndicator implements HealthIndicator, DisposableBean {

    private final MongoClient client;
    private final BoundedCheck check;

    MongoHealthIndicator(MongoClient client, BoundedCheck check) {
        this.client = client;
        this.check = check;
    }

    @Override
    public Health health() {
        return check.run(() -> {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return Health.up().build();
        });
    }

    @Override
    public void destroy() {
        check.close();
    }
}
