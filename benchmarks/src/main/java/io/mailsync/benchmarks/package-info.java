/**
 * The benchmark suite behind {@code ./mailsync bench} (issues 9 and 18): each P-figure is measured against the real system
 * and beside a baseline taken in the same run on the same machine, never against numbers from another run.
 */
package io.mailsync.benchmarks;
