package io.mailsync.fetcher.adapter.in.kafka;

import java.util.Set;
import org.springframework.context.ApplicationContext;

/** What a running fetcher reads, for tests outside this package: the commands partitions it follows. */
public final class OwnershipProbe {

    private OwnershipProbe() {
    }

    public static Set<Integer> commandPartitions(ApplicationContext context) {
        return context.getBean(AccountOwnershipListener.class).commandPartitions();
    }
}
