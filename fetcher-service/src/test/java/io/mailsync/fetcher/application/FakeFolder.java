package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A mail server folder in memory, with or without CONDSTORE/QRESYNC, that counts what it is asked. */
final class FakeFolder implements RemoteFolder {

    private final String name;
    private final boolean condstore;
    private final boolean qresync;
    private long uidValidity;
    private long uidNext = 1;
    private long modSeq = 1;
    private final TreeMap<Long, FlagState> messages = new TreeMap<>();
    private final TreeMap<Long, Long> expungedAt = new TreeMap<>();
    int fullComparisons;
    int changedSinceQueries;

    FakeFolder(String name, long uidValidity, boolean condstore, boolean qresync) {
        this.name = name;
        this.uidValidity = uidValidity;
        this.condstore = condstore;
        this.qresync = qresync;
    }

    long deliver(String... keywords) {
        long uid = uidNext++;
        messages.put(uid, new FlagState(uid, Set.of(keywords), ++modSeq));
        return uid;
    }

    void setKeywords(long uid, String... keywords) {
        messages.put(uid, new FlagState(uid, Set.of(keywords), ++modSeq));
    }

    void expunge(long uid) {
        messages.remove(uid);
        expungedAt.put(uid, ++modSeq);
    }

    /** The mailbox was recreated: new UIDVALIDITY, messages renumbered from 1. */
    void recreate(long newUidValidity) {
        List<FlagState> kept = List.copyOf(messages.values());
        messages.clear();
        uidValidity = newUidValidity;
        uidNext = 1;
        kept.forEach(m -> deliver(m.keywords().toArray(String[]::new)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long uidValidity() {
        return uidValidity;
    }

    @Override
    public long uidNext() {
        return uidNext;
    }

    @Override
    public Long highestModSeq() {
        return condstore ? modSeq : null;
    }

    @Override
    public boolean condstore() {
        return condstore;
    }

    @Override
    public boolean qresync() {
        return qresync;
    }

    @Override
    public int messageCount() {
        return messages.size();
    }

    @Override
    public List<MessageSummary> messagesFrom(long fromUid, int max) {
        return messages.tailMap(fromUid, true).values().stream().limit(max)
                .map(m -> new MessageSummary(m.uid(), condstore ? m.modSeq() : null, "<" + m.uid() + "@test>",
                        List.of("a@example.net"), List.of("b@example.net"), List.of(), "subject " + m.uid(),
                        Instant.EPOCH, Instant.EPOCH, 100, m.keywords()))
                .toList();
    }

    @Override
    public Optional<byte[]> raw(long uid) {
        return messages.containsKey(uid) ? Optional.of(("Subject: " + uid + "\r\n\r\nbody").getBytes())
                : Optional.empty();
    }

    @Override
    public ServerChanges changedSince(long since, long belowUid) {
        changedSinceQueries++;
        List<FlagState> changed = messages.headMap(belowUid).values().stream().filter(m -> m.modSeq() > since)
                .toList();
        Set<Long> vanished = new TreeSet<>();
        if (qresync) {
            expungedAt.forEach((uid, at) -> {
                if (at > since) {
                    vanished.add(uid);
                }
            });
        }
        return new ServerChanges(changed, vanished, false);
    }

    @Override
    public ServerChanges allFlags(long belowUid) {
        fullComparisons++;
        return new ServerChanges(List.copyOf(messages.headMap(belowUid).values()), Set.of(), true);
    }

    @Override
    public Optional<FlagState> flagsOf(long uid) {
        return Optional.ofNullable(messages.get(uid));
    }

    @Override
    public boolean store(long uid, Set<String> add, Set<String> remove, Long unchangedSince) {
        FlagState m = messages.get(uid);
        if (m == null) {
            return true;
        }
        if (unchangedSince != null && m.modSeq() > unchangedSince) {
            return false;
        }
        Set<String> next = new HashSet<>(m.keywords());
        next.addAll(add);
        next.removeAll(remove);
        setKeywords(uid, next.toArray(String[]::new));
        Runnable then = afterStore;
        afterStore = null;
        if (then != null) {
            then.run();
        }
        return true;
    }

    private Runnable afterStore;

    /** Another client's change that lands right after the next STORE, before the fetcher reads the flags back. */
    static void afterNextStore(FakeFolder folder, Runnable change) {
        folder.afterStore = change;
    }

    @Override
    public void awaitChange(Duration maxWait) {
    }

    @Override
    public void wakeUp() {
    }
}
