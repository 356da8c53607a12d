package io.mailsync.quota.adapter.out.smtp;

import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.domain.Forecast;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a notice from {@code quota-mail/<name>.txt}: the first line is {@code Subject: ...}, the rest the body,
 * with {@code {used}}, {@code {limit}}, {@code {percent}}, {@code {level}}, {@code {daysToFull}},
 * {@code {resource}} and {@code {account}} filled in. A level without its own template uses {@code level.txt}.
 * Without a forecast yet, a line that speaks of {@code {daysToFull}} is left out rather than filled with a non-answer.
 */
final class NoticeTemplates {

    record Rendered(String subject, String body) {
    }

    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    Rendered render(QuotaAccount account, Notice notice) {
        String template = switch (notice) {
            case Notice.LevelReached l -> load("level-" + l.level()).or(() -> load("level")).orElseThrow();
            case Notice.BackUnderQuota b -> load("back-under").orElseThrow();
            case Notice.FullSoon f -> load("full-soon").orElseThrow();
        };
        String daysToFull = daysToFull(notice);
        String text = (daysToFull == null ? template.replaceAll("(?m)^.*\\{daysToFull}.*\\R", "") : template)
                .replace("{used}", amount(notice.resource(), notice.usage().used()))
                .replace("{limit}", amount(notice.resource(), notice.usage().limit()))
                .replace("{percent}", String.format(Locale.ROOT, "%.0f", Math.floor(notice.usage().percent())))
                .replace("{level}", notice instanceof Notice.LevelReached l ? String.valueOf(l.level()) : "")
                .replace("{daysToFull}", daysToFull == null ? "" : daysToFull)
                .replace("{resource}", notice.resource() == Resource.STORAGE ? "storage" : "number of messages")
                .replace("{account}", account.accountId().value());
        int newline = text.indexOf('\n');
        String subject = text.substring(0, newline).replaceFirst("^Subject:\\s*", "").strip();
        return new Rendered(subject, text.substring(newline + 1).stripLeading());
    }

    private static String daysToFull(Notice notice) {
        Forecast forecast = switch (notice) {
            case Notice.LevelReached l -> l.forecast();
            case Notice.FullSoon f -> f.forecast();
            case Notice.BackUnderQuota b -> null;
        };
        if (forecast == null) {
            return null;
        }
        long days = Math.max(1, Math.round(forecast.daysToFull()));
        return "about " + days + (days == 1 ? " day" : " days");
    }

    static String amount(Resource resource, long value) {
        if (resource == Resource.MESSAGE) {
            return value + (value == 1 ? " message" : " messages");
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? value + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    private Optional<String> load(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = NoticeTemplates.class.getResourceAsStream("/quota-mail/" + n + ".txt")) {
                return in == null ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
