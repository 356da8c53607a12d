package io.mailsync.benchmarks.idle;

import java.util.BitSet;

/** RFC 3501 §9 sequence-set over 1..max; {@code n:*} with n above max still matches max (§6.4.8). */
final class SequenceSet {

    private SequenceSet() {
    }

    static BitSet parse(String set, long max) {
        BitSet out = new BitSet();
        if (max < 1) {
            return out;
        }
        for (String part : set.split(",")) {
            String[] ends = part.split(":");
            long a = value(ends[0], max);
            long b = ends.length > 1 ? value(ends[1], max) : a;
            long lo = Math.max(1, Math.min(a, b));
            long hi = Math.min(max, Math.max(a, b));
            if (lo > max && (ends[0].equals("*") || (ends.length > 1 && ends[1].equals("*")))) {
                lo = max;
                hi = max;
            }
            for (long i = lo; i <= hi; i++) {
                out.set((int) i);
            }
        }
        return out;
    }

    private static long value(String s, long max) {
        return s.equals("*") ? max : Long.parseLong(s);
    }
}
