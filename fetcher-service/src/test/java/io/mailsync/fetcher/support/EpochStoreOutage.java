package io.mailsync.fetcher.support;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;

/** The shared epoch store, unreachable for the accounts named here (an outage as the MongoDB driver reports it). */
@TestConfiguration
public class EpochStoreOutage {

    public static final Set<String> ACCOUNTS = ConcurrentHashMap.newKeySet();

    @Bean
    static BeanPostProcessor failingForNamedAccounts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof OwnerEpochs real ? new OwnerEpochs() {
                    @Override
                    public long take(AccountId accountId, String owner) {
                        return real.take(accountId, owner);
                    }

                    @Override
                    public Map<AccountId, Long> takeAll(Collection<AccountId> accountIds, String owner) {
                        return real.takeAll(accountIds, owner);
                    }

                    @Override
                    public boolean holds(AccountId accountId, long epoch) {
                        if (ACCOUNTS.contains(accountId.value())) {
                            throw new DataAccessResourceFailureException("Timed out waiting for a server");
                        }
                        return real.holds(accountId, epoch);
                    }
                } : bean;
            }
        };
    }
}
