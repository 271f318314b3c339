package com.tierpilot.customer.api;

import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.CustomerScores;
import com.tierpilot.customer.Gender;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer's profile as {@code GET /api/v1/customers/{code}} returns it. */
@Schema(name = "Customer", description = "A customer's profile: the fields of a customer item and a summary of the"
        + " whole order history, and its segments and tiers.")
public record CustomerResponse(
        @Schema(example = "C10086") String code,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email,
        @Schema(description = "M or F.", example = "F") @Nullable String gender,
        @Nullable LocalDate birthday,
        @Nullable String region,
        @Nullable String city,
        @Nullable String industry,
        @Nullable String companySize,
        @Nullable String channel,
        List<String> tags,
        @Schema(description = "The account manager's e-mail address.") @Nullable String accountManager,
        boolean marketingConsent,
        Map<String, String> attributes,
        @Schema(description = "Date of the first completed order, in your company's time zone.")
        @Nullable LocalDate firstOrderDate,
        @Schema(description = "Date of the last completed order, in your company's time zone.")
        @Nullable LocalDate lastOrderDate,
        @Schema(description = "Completed orders.", example = "12") long orders,
        @Schema(description = "Revenue of all orders, net of refunds; cancelled orders count for nothing.",
                example = "2398.80") BigDecimal revenue,
        @Schema(description = "The currency of `revenue`: your company's currency.", example = "CNY") String currency,
        @Schema(description = "The customer's scores and segments in the latest recompute (null before the first"
                + " one): recency in days, frequency and monetary value in the window, R/F/M scores 1-5 (null when"
                + " the customer had no order in the window), the RFM segment key (e.g. champions, cant_lose), the"
                + " ABC tier and the lifecycle stage key; with churn prediction, pAlive (the probability that the"
                + " customer is still a customer), expectedPurchases90d (purchase days expected in the next 90 days)"
                + " and clv12m (the value of the next 12 months, discounted monthly), null until the first"
                + " prediction.") @Nullable CustomerScores segmentation) {

    static CustomerResponse of(CustomerProfile p, @Nullable String accountManager, String currency,
            @Nullable CustomerScores segmentation) {
        Gender gender = p.gender();
        return new CustomerResponse(p.code(), p.name(), p.phone(), p.email(), gender == null ? null : gender.code(),
                p.birthday(), p.region(), p.city(), p.industry(), p.companySize(), p.sourceChannel(), p.tags(),
                accountManager, p.marketingConsent(), p.attributes(), p.orders().first(), p.orders().last(),
                p.orders().count(), p.orders().revenue(), currency, segmentation);
    }
}
