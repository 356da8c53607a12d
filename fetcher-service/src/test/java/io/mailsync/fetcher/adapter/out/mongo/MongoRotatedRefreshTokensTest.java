package io.mailsync.fetcher.adapter.out.mongo;

import com.mongodb.client.MongoClients;
import io.mailsync.fetcher.application.RotatedRefreshTokensContract;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import io.mailsync.testkit.MongoKit;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB adapter against the wire server, held to the port's contract. */
class MongoRotatedRefreshTokensTest implements RotatedRefreshTokensContract {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-refresh-tokens-test");

    private final MongoRotatedRefreshTokens tokens = new MongoRotatedRefreshTokens(MONGO);

    @Override
    public RotatedRefreshTokens tokens() {
        return tokens;
    }
}
