package io.mailsync.planthttp.adapter.out.mongo;

import org.springframework.http.HttpStatus;

class MongoStore {

    HttpStatus status() {
        return HttpStatus.OK;
    }
}
