package io.mailsync.fetcher.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Epoch takes of sessions opening together, taken together (issue 15, R14): a takeover opens dozens to thousands of
 * sessions in the same second, and one store round trip each — each a findAndModify — made them wait in line for the
 * store (R14: ~8 a second per fetcher at load). Whoever finds no take under way takes everything queued in one
 * {@link OwnerEpochs#takeAll} and goes on until the queue is empty (a group commit: no added delay, batches as large
 * as the queue). Each take is still the account's own atomic increment; {@link #holds} goes straight to the store.
 */
final class BatchedEpochs implements OwnerEpochs {

    private static final long RECHECK_MS = 20;

    private final OwnerEpochs store;
    private final Queue<Request> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock taking = new ReentrantLock();

    private record Request(AccountId accountId, String owner, CompletableFuture<Long> epoch) {
    }

    BatchedEpochs(OwnerEpochs store) {
        this.store = store;
    }

    @Override
    public long take(AccountId accountId, String owner) {
        Request request = new Request(accountId, owner, new CompletableFuture<>());
        queued.add(request);
        while (!request.epoch().isDone()) {
            if (taking.tryLock()) {
                try {
                    drain(request);
                } finally {
                    taking.unlock();
                }
            } else {
                await(request); // another session is taking: likely this one too
            }
        }
        try {
            return request.epoch().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwnershipLost("account " + accountId + ": interrupted while taking its epoch", false);
        }
    }

    @Override
    public boolean holds(AccountId accountId, long epoch) {
        return store.holds(accountId, epoch);
    }

    private void drain(Request own) {
        for (List<Request> batch = next(); !batch.isEmpty(); batch = next()) {
            String owner = batch.getFirst().owner();
            List<Request> same = batch.stream().filter(r -> r.owner().equals(owner)).toList();
            try {
                Map<AccountId, Long> taken = store.takeAll(same.stream().map(Request::accountId).toList(), owner);
                same.forEach(r -> r.epoch().complete(taken.get(r.accountId())));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // this session is being stopped: its interrupt failed the others' takes, which try again
                    batch.stream().filter(r -> r != own).forEach(queued::add);
                    own.epoch().completeExceptionally(e);
                    return;
                }
                same.forEach(r -> r.epoch().completeExceptionally(e));
            }
            batch.stream().filter(r -> !r.owner().equals(owner)).forEach(queued::add); // rare: the next round
        }
    }

    /** Everything queued, at most one request per account (a second one waits for the next round). */
    private List<Request> next() {
        List<Request> batch = new ArrayList<>();
        Set<AccountId> accounts = new HashSet<>();
        List<Request> later = new ArrayList<>();
        for (Request r = queued.poll(); r != null; r = queued.poll()) {
            (accounts.add(r.accountId()) ? batch : later).add(r);
        }
        queued.addAll(later);
        return batch;
    }

    private static void await(Request request) {
        try {
            request.epoch().get(RECHECK_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // not taken yet (the taker may have finished just before this one was queued), or failed: looked at again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwnershipLost("account " + request.accountId() + ": interrupted while taking its epoch", false);
        }
    }
}
