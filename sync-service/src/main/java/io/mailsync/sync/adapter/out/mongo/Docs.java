package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.Keyword;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/** Small conversions between BSON documents and Java values. */
final class Docs {

    private Docs() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String key) {
        Date date = doc.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static List<String> strings(Document doc, String key) {
        List<String> list = doc.getList(key, String.class);
        return list == null ? List.of() : list;
    }

    /** Keywords as stored: canonical strings, sorted; read back leniently (a document never fails for one). */
    static List<String> keywords(Set<Keyword> keywords) {
        return List.copyOf(new TreeSet<>(Keyword.values(keywords)));
    }

    static Set<Keyword> keywords(Document doc) {
        return Keyword.validAmong(strings(doc, "keywords"));
    }

    static Long longOrNull(Document doc, String key) {
        Object value = doc.get(key);
        return value == null ? null : ((Number) value).longValue();
    }

    static long longOr(Document doc, String key, long fallback) {
        Long value = longOrNull(doc, key);
        return value == null ? fallback : value;
    }
}
