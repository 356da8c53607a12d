package io.mailsync.sync.config;

import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.ChooseReadState;
import io.mailsync.sync.application.MessageChanges;
import io.mailsync.sync.application.PersonalDevices;
import io.mailsync.sync.application.PersonalView;
import io.mailsync.sync.application.UpdateKeywords;
import io.mailsync.sync.application.UpdatePersonalKeywords;
import io.mailsync.sync.application.port.out.DeviceHolders;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.PrivateSeen;
import io.mailsync.sync.application.port.out.ReadStateModes;
import io.mailsync.sync.application.GrantAnnouncer;
import io.mailsync.sync.application.ListGrants;
import io.mailsync.sync.application.ReadAuditTrail;
import io.mailsync.sync.application.RevokeGrant;
import io.mailsync.sync.application.ShareMailbox;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.AccountPublisher;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases of a mailbox shared with other people (issue 23). */
@Configuration(proxyBeanMethods = false)
class SharingUseCases {

    /** Every use case gets devices through this: each person their own (the MongoDB adapter stays beneath it). */
    @Bean
    @Primary
    DeviceStore personalDevices(@Qualifier("mongoDeviceStore") DeviceStore stored, DeviceHolders holders) {
        return new PersonalDevices(stored, holders);
    }

    @Bean
    GrantAnnouncer grantAnnouncer(AccountPublisher publisher) {
        return new GrantAnnouncer(publisher);
    }

    @Bean
    ShareMailbox shareMailbox(AccountAccess access, AccountGrants grants, GrantAnnouncer announcer, Clock clock) {
        return new ShareMailbox(access, grants, announcer, clock);
    }

    @Bean
    ListGrants listGrants(AccountAccess access) {
        return new ListGrants(access);
    }

    @Bean
    ReadAuditTrail readAuditTrail(AccountAccess access, AccountCounter counter, ChangeLog changeLog) {
        return new ReadAuditTrail(access, counter, changeLog);
    }

    @Bean
    PersonalView personalView(AccountAccess access, ReadStateModes modes, PrivateSeen privateSeen) {
        return new PersonalView(access, modes, privateSeen);
    }

    @Bean
    ChooseReadState chooseReadState(AccountAccess access, ReadStateModes modes) {
        return new ChooseReadState(access, modes);
    }

    @Bean
    UpdatePersonalKeywords updatePersonalKeywords(AccountAccess access, UpdateKeywords shared, PersonalView view,
                                                  MessageLookup messages, PrivateSeen privateSeen, DeviceStore devices,
                                                  AccountCounter counter, ChangeLog changeLog, MessageChanges changes,
                                                  Clock clock) {
        return new UpdatePersonalKeywords(access, shared, view, messages, privateSeen, devices, counter, changeLog,
                changes, clock);
    }

    @Bean
    RevokeGrant revokeGrant(AccountAccess access, AccountGrants grants, GrantAnnouncer announcer, Clock clock) {
        return new RevokeGrant(access, grants, announcer, clock);
    }
}
