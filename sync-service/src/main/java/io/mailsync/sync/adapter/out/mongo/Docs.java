package io.mailsync.sync.adapter.out.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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

    static Long longOrNull(Document doc, String key) {
        Object value = doc.get(key);
        return value == null ? null : ((Number) value).longValue();
    }

    static long longOr(Document doc, String key, long fallback) {
        Long value = longOrNull(doc, key);
        return value == null ? fallback : value;
    }
}
