package io.mailsync.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures were measured on, for the report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format("%d cores (%s), %d MiB RAM, Java %s, %s %s, load %.1f",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryMiB(), Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.version"), load());
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long totalMemoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
