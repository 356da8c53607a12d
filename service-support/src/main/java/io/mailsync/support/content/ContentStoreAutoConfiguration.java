package io.mailsync.support.content;

import com.mongodb.client.gridfs.GridFSBucket;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link GridFsBlobStore} from {@code mailsync.content.uri} (ADR 0002, ADR 0011). Lazy: made when a service's
 * content-store adapter asks for it — so the fetcher and sync-service refuse to start without the setting (issue 17),
 * while quota-service and the gateway, which keep no bodies, never need it.
 */
@AutoConfiguration
@ConditionalOnClass(GridFSBucket.class)
@EnableConfigurationProperties(ContentStoreProperties.class)
public class ContentStoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    GridFsBlobStore gridFsBlobStore(ContentStoreProperties properties) {
        return new GridFsBlobStore(properties.uri());
    }
}
