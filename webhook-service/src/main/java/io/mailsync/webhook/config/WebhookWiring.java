package io.mailsync.webhook.config;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.support.net.MailServerGuardProperties;
import io.mailsync.support.net.MailServerPolicy;
import io.mailsync.webhook.application.CreateSubscription;
import io.mailsync.webhook.application.DeleteSubscription;
import io.mailsync.webhook.application.DeliverWebhook;
import io.mailsync.webhook.application.FanOut;
import io.mailsync.webhook.application.ParkDelivery;
import io.mailsync.webhook.application.ReEncryptSubscriptionSecrets;
import io.mailsync.webhook.application.Redeliver;
import io.mailsync.webhook.application.RotateSecret;
import io.mailsync.webhook.application.SubscriptionSecrets;
import io.mailsync.webhook.application.TrackAccountOwners;
import io.mailsync.webhook.application.ViewDeliveries;
import io.mailsync.webhook.application.ViewSubscriptions;
import io.mailsync.webhook.application.WebhookSettings;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.application.port.out.TargetGuard;
import io.mailsync.webhook.application.port.out.WebhookSender;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maps configuration to the settings the use cases own, and builds the use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookWiring {

    /**
     * The same SSRF guard as mailbox registration (service-support, ADR 0008), with the receivers' allow-list and
     * ports: it replaces the mail-server policy in this service, which connects to no mail server.
     */
    @Bean
    MailServerPolicy webhookTargetPolicy(WebhookProperties properties) {
        return new MailServerPolicy(new MailServerGuardProperties(properties.targets().allow(),
                properties.targets().ports()));
    }

    @Bean
    TargetGuard targetGuard(MailServerPolicy policy) {
        return policy::refusalAtRegistration;
    }

    @Bean
    WebhookSettings webhookSettings(WebhookProperties p) {
        return new WebhookSettings(p.allowHttp(), p.secretGrace(), p.logPageSize(), p.maxSubscriptionsPerCustomer());
    }

    @Bean
    SubscriptionSecrets subscriptionSecrets(SecretCipher cipher) {
        return new SubscriptionSecrets(cipher); // webhook secrets are stored sealed
    }

    @Bean
    ReEncryptSubscriptionSecrets reEncryptSubscriptionSecrets(SubscriptionStore store, SubscriptionSecrets secrets) {
        return new ReEncryptSubscriptionSecrets(store, secrets);
    }

    @Bean
    CreateSubscription createSubscription(SubscriptionStore store, AccountOwners owners, TargetGuard guard,
                                          SubscriptionSecrets secrets, WebhookSettings settings, Clock clock) {
        return new CreateSubscription(store, owners, guard, secrets, settings, clock);
    }

    @Bean
    ViewSubscriptions viewSubscriptions(SubscriptionStore store) {
        return new ViewSubscriptions(store);
    }

    @Bean
    DeleteSubscription deleteSubscription(SubscriptionStore store) {
        return new DeleteSubscription(store);
    }

    @Bean
    RotateSecret rotateSecret(SubscriptionStore store, SubscriptionSecrets secrets, WebhookSettings settings,
                              Clock clock) {
        return new RotateSecret(store, secrets, settings, clock);
    }

    @Bean
    TrackAccountOwners trackAccountOwners(AccountOwners owners) {
        return new TrackAccountOwners(owners);
    }

    @Bean
    FanOut fanOut(AccountOwners owners, SubscriptionStore store, DeliveryQueue queue) {
        return new FanOut(owners, store, queue);
    }

    @Bean
    DeliverWebhook deliverWebhook(SubscriptionStore store, AccountOwners owners, SubscriptionSecrets secrets,
                                  WebhookSender sender, DeliveryLog log, Clock clock) {
        return new DeliverWebhook(store, owners, secrets, sender, log, clock);
    }

    @Bean
    ParkDelivery parkDelivery(DeliveryLog log, Clock clock) {
        return new ParkDelivery(log, clock);
    }

    @Bean
    ViewDeliveries viewDeliveries(SubscriptionStore store, DeliveryLog log, WebhookSettings settings) {
        return new ViewDeliveries(store, log, settings);
    }

    @Bean
    Redeliver redeliver(SubscriptionStore store, DeliveryLog log, DeliveryQueue queue, Clock clock) {
        return new Redeliver(store, log, queue, clock);
    }
}
