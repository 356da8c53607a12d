package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.Device;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Devices, and one record per (device, message) with when it was delivered and first read there. */
@Component
class MongoDeviceStore implements DeviceStore {

    static final String DEVICES = "devices";
    static final String RECORDS = "device_messages";

    private final MongoTemplate mongo;

    MongoDeviceStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(DEVICES).createIndex(new Index().on("accountId", Sort.Direction.ASC));
        mongo.indexOps(RECORDS).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("messageId", Sort.Direction.ASC));
    }

    @Override
    public void insert(Device device) {
        mongo.insert(new Document("_id", device.deviceId().value()).append("accountId", device.accountId().value())
                .append("name", device.name()).append("registeredAt", date(device.registeredAt()))
                .append("ackState", device.ackState()), DEVICES);
    }

    @Override
    public Optional<Device> find(AccountId accountId, DeviceId deviceId) {
        return Optional.ofNullable(mongo.findById(deviceId.value(), Document.class, DEVICES))
                .filter(doc -> accountId.value().equals(doc.getString("accountId"))).map(doc -> new Device(
                DeviceId.of(doc.getString("_id")), AccountId.of(doc.getString("accountId")), doc.getString("name"),
                instant(doc, "registeredAt"), doc.getString("ackState")));
    }

    @Override
    public void acknowledge(AccountId accountId, DeviceId deviceId, String state) {
        // callers found the device through find(accountId, deviceId) first
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deviceId.value())), new Update().set("ackState", state),
                DEVICES);
    }

    @Override
    public void delivered(AccountId accountId, DeviceId deviceId, List<MessageId> messageIds, Instant at) {
        if (messageIds.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RECORDS);
        for (MessageId messageId : messageIds) {
            bulk.upsert(recordId(deviceId, messageId), new Update().setOnInsert("accountId", accountId.value())
                    .setOnInsert("deviceId", deviceId.value()).setOnInsert("messageId", messageId.value())
                    .min("deliveredAt", date(at)));
        }
        bulk.execute();
    }

    @Override
    public void read(AccountId accountId, DeviceId deviceId, MessageId messageId, Instant at) {
        mongo.upsert(recordId(deviceId, messageId), new Update().setOnInsert("accountId", accountId.value())
                .setOnInsert("deviceId", deviceId.value()).setOnInsert("messageId", messageId.value())
                .min("deliveredAt", date(at)).min("readAt", date(at)), RECORDS);
    }

    @Override
    public List<DeviceRecord> records(AccountId accountId, MessageId messageId) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("messageId")
                .is(messageId.value()));
        return mongo.find(query, Document.class, RECORDS).stream()
                .map(doc -> new DeviceRecord(DeviceId.of(doc.getString("deviceId")), instant(doc, "deliveredAt"),
                        instant(doc, "readAt")))
                .toList();
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), DEVICES);
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), RECORDS);
    }

    private static Query recordId(DeviceId deviceId, MessageId messageId) {
        return Query.query(Criteria.where("_id").is(deviceId.value() + "|" + messageId.value()));
    }
}
