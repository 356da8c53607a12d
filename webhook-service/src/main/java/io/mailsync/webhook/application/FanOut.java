package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event in, one queued delivery per subscription of the account's owner that wants it, and per subscription
 * naming the account of a person it is shared with to read (issue 23). The event id comes from
 * the event (ADR 0013), so the same event read twice — a rebalance, a replay — queues deliveries the receiver and the
 * log recognise as the same.
 */
public final class FanOut {

    private final AccountOwners owners;
    private final SubscriptionStore subscriptions;
    private final DeliveryQueue queue;

    public FanOut(AccountOwners owners, SubscriptionStore subscriptions, DeliveryQueue queue) {
        this.owners = owners;
        this.subscriptions = subscriptions;
        this.queue = queue;
    }

    /**
     * A fan-out of a run of events read together (one poll of a topic, or a single event): each account's holders and
     * each customer's subscriptions are read once for the run, not once per event — an import of 10,000 messages is
     * 10,000 events of one account (issue 18, P2). A subscription made or an account shared while the run is fanned
     * out counts from the next run, as it would had it come a poll later.
     */
    public Pass pass() {
        return new Pass();
    }

    /**
     * Not thread-safe: one run of events, fanned out in order. Their deliveries travel to the queue together; the run
     * is done once {@link #awaitQueued()} returns.
     */
    public final class Pass {

        private final Map<AccountId, Optional<AccountOwners.Holders>> holders = new HashMap<>();
        private final Map<String, List<Subscription>> subscriptionsOf = new HashMap<>();
        /** Per {@link #fanOut} call, in order: the deliveries it queued. */
        private final List<List<DeliveryQueue.Queued>> queued = new ArrayList<>();

        private Pass() {
        }

        /**
         * Returns how many deliveries the event was given, on their way to the queue ({@link #awaitQueued()}). An
         * account nobody owns (yet, or any more) is given none.
         */
        public int fanOut(AccountEvent event) {
            List<DeliveryQueue.Queued> mine = new ArrayList<>();
            queued.add(mine);
            AccountOwners.Holders holders = this.holders.computeIfAbsent(event.accountId(), owners::holdersOf)
                    .orElse(null);
            if (holders == null) {
                return 0;
            }
            String owner = holders.customerId();
            for (Subscription subscription : subscriptionsOf(owner)) {
                if (subscription.wants(owner, event.accountId(), event.type())) {
                    mine.add(queue.enqueue(event.deliveryFor(subscription.id())));
                }
            }
            for (String reader : holders.readers()) { // issue 23: people the mailbox is shared with
                for (Subscription subscription : subscriptionsOf(reader)) {
                    if (subscription.wantsShared(event.accountId(), event.type())) {
                        mine.add(queue.enqueue(event.deliveryFor(subscription.id())));
                    }
                }
            }
            return mine.size();
        }

        /**
         * Returns once the queue has taken every delivery of the run. When one was not taken, throws
         * {@link NotQueued} naming the first event (the n-th {@link #fanOut} call, from 0) with a delivery not
         * taken: every event before it is queued whole; it and those after it are to be fanned out again (the same
         * event queues deliveries with the same event id, ADR 0013).
         */
        public void awaitQueued() {
            for (int i = 0; i < queued.size(); i++) {
                try {
                    queued.get(i).forEach(DeliveryQueue.Queued::await);
                } catch (RuntimeException e) {
                    throw new NotQueued(i, e);
                }
            }
            queued.clear();
        }

        /**
         * Whether any holder of the account has a subscription at all: most accounts have none, and their events need
         * not be read past their key.
         */
        public boolean anyoneListensTo(AccountId account) {
            AccountOwners.Holders holders = this.holders.computeIfAbsent(account, owners::holdersOf).orElse(null);
            if (holders == null) {
                return false;
            }
            if (!subscriptionsOf(holders.customerId()).isEmpty()) {
                return true;
            }
            return holders.readers().stream().anyMatch(reader -> !subscriptionsOf(reader).isEmpty());
        }

        private List<Subscription> subscriptionsOf(String customer) {
            return subscriptionsOf.computeIfAbsent(customer, subscriptions::ofCustomer);
        }
    }

    /** A delivery of the {@link #event()}-th event of a pass (from 0) was not taken by the queue. */
    public static final class NotQueued extends RuntimeException {

        private final int event;

        NotQueued(int event, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.event = event;
        }

        public int event() {
            return event;
        }
    }
}
