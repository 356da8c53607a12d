package io.mailsync.plantconfig.adapter.out.mongo;

import io.mailsync.plantconfig.config.StoreSettings;

class MongoStore {

    private final StoreSettings settings;

    MongoStore(StoreSettings settings) {
        this.settings = settings;
    }
}
