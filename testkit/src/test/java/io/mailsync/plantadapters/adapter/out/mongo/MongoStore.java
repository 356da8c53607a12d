package io.mailsync.plantadapters.adapter.out.mongo;

public class MongoStore {
}
