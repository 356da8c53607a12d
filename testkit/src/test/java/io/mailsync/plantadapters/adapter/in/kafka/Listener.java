package io.mailsync.plantadapters.adapter.in.kafka;

import io.mailsync.plantadapters.adapter.out.mongo.MongoStore;

class Listener {

    private final MongoStore store = new MongoStore();
}
