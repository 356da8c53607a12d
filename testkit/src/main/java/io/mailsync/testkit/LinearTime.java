package io.mailsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Asserts that a parser's time grows linearly with its input (issue 16: input that doubles may cost at most ~2.5×
 * the time; a quadratic parser costs 4×). The only timing assertion the project makes in a test, so it is made to
 * hold on a loaded 2-core machine: inputs large enough that one call is measurable, the JIT warmed first, and the
 * fastest of many repetitions compared (noise only ever adds time), retried a few times before it fails.
 */
public final class LinearTime {

    private static final int ROUNDS = 15;
    private static final int ATTEMPTS = 3;
    private static final double MAX_RATIO = 2.5;

    private LinearTime() {
    }

    /**
     * @param what   what is parsed, for the failure message
     * @param input  the input of size n
     * @param n      a size at which one call takes a millisecond or more
     * @param parser the parser under test
     */
    public static <T> void assertLinear(String what, IntFunction<T> input, int n, Consumer<T> parser) {
        T small = input.apply(n);
        T large = input.apply(2 * n);
        for (int i = 0; i < 5; i++) { // warm-up: compiled code, not the interpreter, is what runs in production
            parser.accept(small);
            parser.accept(large);
        }
        double ratio = Double.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS && ratio > MAX_RATIO; attempt++) {
            long bestSmall = Long.MAX_VALUE;
            long bestLarge = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                bestSmall = Math.min(bestSmall, time(parser, small));
                bestLarge = Math.min(bestLarge, time(parser, large));
            }
            ratio = Math.min(ratio, (double) bestLarge / Math.max(1, bestSmall));
        }
        assertThat(ratio).as("%s: time for input 2n over time for n (n = %d); linear is ~2, quadratic ~4", what, n)
                .isLessThanOrEqualTo(MAX_RATIO);
    }

    private static <T> long time(Consumer<T> parser, T input) {
        long start = System.nanoTime();
        parser.accept(input);
        return System.nanoTime() - start;
    }
}
