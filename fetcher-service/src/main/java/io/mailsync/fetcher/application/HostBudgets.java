package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.fetcher.application.port.out.HostSlots;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection budget of each registered mail host that has one (issue 22, {@link HostLogin#connectionBudget()}),
 * shared by every session of this fetcher and, through {@link HostSlots}, by every fetcher. A changed budget takes
 * effect for connections made after it; those open under the old one end with their session's restart (the spec
 * changed, so every session of the host reconnects).
 */
final class HostBudgets {

    private final Map<String, HostBudget> budgets = new ConcurrentHashMap<>();
    private final HostSlots slots;
    private final long retryMillis;

    HostBudgets(HostSlots slots) {
        this.slots = slots;
        this.retryMillis = slots.retryEvery().toMillis();
    }

    HostBudget of(AccountSpec account) {
        HostLogin host = account.hostLogin();
        if (host == null || host.connectionBudget() == null) {
            return HostBudget.UNLIMITED;
        }
        int size = host.connectionBudget();
        return budgets.compute(host.hostId(), (id, budget) -> budget != null && budget.size() == size ? budget
                : new HostBudget(id, size, slots, retryMillis));
    }
}
