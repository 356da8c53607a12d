package io.mailsync.support.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Metric names and shapes every service keeps (ADR 0009): mailsync's own meters are named {@code mailsync.*} (so
 * {@code mailsync_*} in Prometheus), and their timers and distributions publish histogram buckets — never
 * percentiles computed in the pod, which cannot be added up across pods ({@code histogram_quantile} over
 * {@code sum by (le)} can).
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
public class MetricsAutoConfiguration {

    static final String PREFIX = "mailsync.";

    @Bean
    MeterFilter mailsyncHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(PREFIX)
                        || (id.getType() != Meter.Type.TIMER && id.getType() != Meter.Type.DISTRIBUTION_SUMMARY)) {
                    return config;
                }
                // an empty array, not null: null would keep whatever percentiles the meter asked for
                return DistributionStatisticConfig.builder().percentilesHistogram(true).percentiles(new double[0])
                        .build().merge(config);
            }
        };
    }
}
