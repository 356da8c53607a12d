package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.port.out.DeviceHolders;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The holder as a field of the device document ({@link MongoDeviceStore}'s collection). */
@Component
class MongoDeviceHolders implements DeviceHolders {

    private static final String FIELD = "holder";

    private final MongoTemplate mongo;

    MongoDeviceHolders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void hold(AccountId accountId, DeviceId deviceId, String person) {
        mongo.updateFirst(device(accountId, deviceId), new Update().set(FIELD, person), MongoDeviceStore.DEVICES);
    }

    @Override
    public Optional<String> holderOf(AccountId accountId, DeviceId deviceId) {
        return Optional.ofNullable(mongo.findOne(device(accountId, deviceId), Document.class,
                MongoDeviceStore.DEVICES)).map(doc -> doc.getString(FIELD));
    }

    private static Query device(AccountId accountId, DeviceId deviceId) {
        return Query.query(Criteria.where("_id").is(deviceId.value()).and("accountId").is(accountId.value()));
    }
}
