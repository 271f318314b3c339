package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.persistence.CustomerBulkRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes customers and orders in bulk, in the caller's transaction: an import or an API batch either lands
 * completely or not at all.
 */
@Service
@Transactional
public class CustomerBulkService {

    private final CustomerBulkRepository writer;
    private final Clock clock;
    private final ObjectProvider<ConsentIntake> consentIntake;
    private final ApplicationEventPublisher events;

    CustomerBulkService(CustomerBulkRepository writer, Clock clock, ObjectProvider<ConsentIntake> consentIntake,
            ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.consentIntake = consentIntake;
    }

    /** A customer's marketing consent per channel as an API item gives it (issue 19); null keeps a channel. */
    public record Consent(String code, @Nullable Boolean sms, @Nullable Boolean email, Instant givenAt) {
    }

    /** A consent "yes" that was not recorded (see {@link ConsentIntake}). */
    public record Refusal(String code, boolean sms) {
    }

    /** The customers written, and the consents refused. */
    public record Written(BulkResult result, List<Refusal> refused) {
    }

    /**
     * Upserts customers by code and records their marketing consent per channel with the API as its source, by the
     * delivery module's rules (a "yes" never lifts an unsubscribe or a suppression).
     */
    public Written upsertCustomers(TenantId tenant, List<CustomerRecord> customers, List<Consent> consents) {
        BulkResult result = upsertCustomers(tenant, customers);
        ConsentIntake intake = consentIntake.getIfAvailable();
        if (consents.isEmpty() || intake == null) {
            return new Written(result, List.of());
        }
        Map<String, Long> ids = writer.idsByCode(tenant, consents.stream().map(Consent::code).toList());
        Map<Long, String> codes = new java.util.HashMap<>();
        List<ConsentIntake.Given> given = new ArrayList<>();
        for (Consent c : consents) {
            Long id = ids.get(CustomerBulkRepository.key(c.code()));
            if (id != null) {
                codes.put(id, c.code());
                given.add(new ConsentIntake.Given(id, c.sms(), c.email(), c.givenAt()));
            }
        }
        ConsentIntake.Outcome outcome = intake.record(tenant, given, ConsentIntake.Origin.API);
        return new Written(result, outcome.refused().stream().map(r -> new Refusal(codes.get(r.customerId()),
                r.sms())).toList());
    }

    /** Upserts customers by code. */
    public BulkResult upsertCustomers(TenantId tenant, List<CustomerRecord> customers) {
        int created = writer.upsertCustomers(tenant, customers, clock.instant());
        return new BulkResult(created, (int) customers.stream().map(c -> CustomerBulkRepository.key(c.code()))
                .distinct().count() - created);
    }

    /**
     * Upserts orders by order number. A customer code that does not exist yet creates a bare customer, dated on
     * the day of its first order in the batch. Publishes {@link OrdersChanged} in the transaction.
     */
    public BulkResult upsertOrders(TenantId tenant, List<OrderRecord> orders) {
        Instant now = clock.instant();
        Map<String, Long> ids = writer.idsByCode(tenant, orders.stream().map(OrderRecord::customerCode).toList());
        Map<String, CustomerRecord> missing = new LinkedHashMap<>();
        for (OrderRecord order : orders) {
            String key = CustomerBulkRepository.key(order.customerCode());
            if (!ids.containsKey(key)) {
                LocalDate day = order.orderedAt().toLocalDate();
                missing.merge(key, CustomerRecord.bare(order.customerCode(), day),
                        (a, b) -> a.createdOn().isBefore(b.createdOn()) ? a : b);
            }
        }
        if (!missing.isEmpty()) {
            writer.upsertCustomers(tenant, new ArrayList<>(missing.values()), now);
            ids.putAll(writer.idsByCode(tenant, missing.values().stream().map(CustomerRecord::code).toList()));
        }
        CustomerBulkRepository.Upserted upserted = writer.upsertOrders(tenant, orders, ids, now);
        int created = upserted.created();
        if (!upserted.customers().isEmpty()) {
            events.publishEvent(new OrdersChanged(tenant, upserted.customers()));
        }
        return new BulkResult(created, (int) orders.stream().map(o -> CustomerBulkRepository.key(o.orderNo()))
                .distinct().count() - created);
    }

    /**
     * Loads sample customers and their orders (issue 17, item 5), marked so that {@link #removeSample} finds them.
     *
     * @throws com.tierpilot.base.UserFacingException when a sample code is already a customer of the company
     */
    public SampleSize loadSample(TenantId tenant, List<CustomerRecord> customers, List<OrderRecord> orders) {
        List<String> codes = customers.stream().map(CustomerRecord::code).toList();
        if (writer.anyExists(tenant, codes)) {
            throw new com.tierpilot.base.UserFacingException("sample.error.codesTaken");
        }
        BulkResult written = upsertCustomers(tenant, customers);
        BulkResult orderResult = upsertOrders(tenant, orders);
        writer.markSample(tenant, codes);
        return new SampleSize(written.created(), orderResult.created());
    }

    /** How many sample customers and orders were loaded. */
    public record SampleSize(int customers, int orders) {
    }

    /** Deletes the sample customers and their orders; the other modules delete what hangs off them first. */
    public int removeSample(TenantId tenant) {
        return writer.deleteSample(tenant);
    }

    /**
     * Locks the company's sample customers until the transaction ends: predictions being written for them wait for a
     * removal to commit, and a removal waits for predictions being written (issue 17, item 5).
     */
    public void lockSample(TenantId tenant) {
        writer.lockSample(tenant);
    }
}
