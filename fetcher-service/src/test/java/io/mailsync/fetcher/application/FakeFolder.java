package io.mailsync.fetcher.application;

import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
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

/**
 * A mail server folder in memory, with or without CONDSTORE/QRESYNC, that counts what it is asked. Tests give flags
 * as a server reports them; they become keywords as the IMAP adapter makes them ({@link Keyword#fromImapFlags}).
 */
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
    /** Every change is announced to the session at once, as a server's untagged response would announce it. */
    private long announcements;
    /** Of those, the deliveries and expunges: what a server's EXISTS/EXPUNGE report, also after a silent IDLE. */
    private long countAnnouncements;
    /** What happens, unannounced, during the next wait, which then runs its whole length (a silent IDLE). */
    private Runnable unannouncedDuringNextWait;

    FakeFolder(String name, long uidValidity, boolean condstore, boolean qresync) {
        this.name = name;
        this.uidValidity = uidValidity;
        this.condstore = condstore;
        this.qresync = qresync;
    }

    long deliver(String... keywords) {
        announcements++;
        countAnnouncements++;
        long uid = uidNext++;
        messages.put(uid, state(uid, keywords));
        return uid;
    }

    /** A message the server does not announce: as if its IDLE notifications were off. */
    long deliverUnannounced() {
        countAnnouncements++; // in the answer to the session's next command, as EXISTS
        long uid = uidNext++;
        messages.put(uid, state(uid));
        return uid;
    }

    void duringNextWait(Runnable unannounced) {
        unannouncedDuringNextWait = unannounced;
    }

    void setKeywords(long uid, String... keywords) {
        announcements++;
        messages.put(uid, state(uid, keywords));
    }

    private FlagState state(long uid, String... flags) {
        return new FlagState(new Uid(uid), Keyword.fromImapFlags(List.of(flags)), ModSeq.of(++modSeq));
    }

    void expunge(long uid) {
        announcements++;
        countAnnouncements++;
        messages.remove(uid);
        expungedAt.put(uid, ++modSeq);
    }

    /** The mailbox was recreated: new UIDVALIDITY, messages renumbered from 1. */
    void recreate(long newUidValidity) {
        List<FlagState> kept = List.copyOf(messages.values());
        messages.clear();
        uidValidity = newUidValidity;
        uidNext = 1;
        kept.forEach(m -> deliver(m.keywords().stream().map(Keyword::value).toArray(String[]::new)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UidValidity uidValidity() {
        return new UidValidity(uidValidity);
    }

    @Override
    public long uidNext() {
        return uidNext;
    }

    @Override
    public ModSeq highestModSeq() {
        return condstore ? ModSeq.of(modSeq) : null;
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
    public long announcements() {
        return announcements;
    }

    @Override
    public long countAnnouncements() {
        return countAnnouncements;
    }

    @Override
    public List<MessageSummary> messagesBetween(long fromUid, long toUid, int max) {
        return summaries(messages.subMap(fromUid, true, toUid, true).values().stream().limit(max).toList());
    }

    @Override
    public List<MessageSummary> newest(long fromUid, int max) {
        List<FlagState> backlog = List.copyOf(messages.tailMap(fromUid, true).values());
        return backlog.size() <= max ? List.of() : summaries(backlog.subList(backlog.size() - max, backlog.size()));
    }

    private List<MessageSummary> summaries(List<FlagState> read) {
        return read.stream()
                .map(m -> new MessageSummary(m.uid(), condstore ? m.modSeq() : null, new Envelope(
                        "<" + m.uid().value() + "@test>", List.of("a@example.net"), List.of("b@example.net"), List.of(),
                        "subject " + m.uid().value(), Instant.EPOCH), Instant.EPOCH, 100, m.keywords()))
                .toList();
    }

    @Override
    public Optional<byte[]> raw(Uid uid) {
        return messages.containsKey(uid.value()) ? Optional.of(("Subject: " + uid.value() + "\r\n\r\nbody").getBytes())
                : Optional.empty();
    }

    @Override
    public ServerChanges changedSince(ModSeq since, long belowUid) {
        changedSinceQueries++;
        List<FlagState> changed = messages.headMap(belowUid).values().stream().filter(m -> m.modSeq().isAfter(since))
                .toList();
        Set<Uid> vanished = new TreeSet<>();
        if (qresync) {
            expungedAt.forEach((uid, at) -> {
                if (at > since.value()) {
                    vanished.add(new Uid(uid));
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
    public Optional<FlagState> flagsOf(Uid uid) {
        return Optional.ofNullable(messages.get(uid.value()));
    }

    @Override
    public boolean store(Uid uid, Set<Keyword> add, Set<Keyword> remove, ModSeq unchangedSince) {
        if (broken.contains(uid.value())) {
            throw new IllegalStateException("STORE on a broken message " + uid.value());
        }
        FlagState m = messages.get(uid.value());
        if (m == null) {
            return true;
        }
        if (unchangedSince != null && m.modSeq().isAfter(unchangedSince)) {
            return false;
        }
        Set<Keyword> next = new HashSet<>(m.keywords());
        next.addAll(add);
        next.removeAll(remove);
        setKeywords(uid.value(), next.stream().map(Keyword::value).toArray(String[]::new));
        Runnable then = afterStore;
        afterStore = null;
        if (then != null) {
            then.run();
        }
        return true;
    }

    private Runnable afterStore;
    private final Set<Long> broken = new HashSet<>();

    /** Every STORE on these messages fails (not as a server's refusal: as a bug or a store below would); none: mended. */
    void breakStores(long... uids) {
        broken.clear();
        for (long uid : uids) {
            broken.add(uid);
        }
    }

    /** Another client's change that lands right after the next STORE, before the fetcher reads the flags back. */
    static void afterNextStore(FakeFolder folder, Runnable change) {
        folder.afterStore = change;
    }

    @Override
    public boolean awaitChange(Duration maxWait) {
        Runnable meanwhile = unannouncedDuringNextWait;
        unannouncedDuringNextWait = null;
        if (meanwhile == null) {
            return false;
        }
        meanwhile.run();
        return true;
    }

    @Override
    public void wakeUp() {
    }
}
