package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The holdout hash, the discount arithmetic and the codes, without a database. */
class HoldoutAndTermsTest {

    @Test
    void theHoldoutIsDeterministicAndHoldsOutAboutTheShareAsked() {
        long control = LongStream.rangeClosed(1, 20_000).filter(c -> Holdout.isControl(42, c, 10)).count();

        assertThat(control).isBetween(1_800L, 2_200L);
        assertThat(LongStream.rangeClosed(1, 1_000).allMatch(c -> Holdout.isControl(42, c, 10)
                == Holdout.isControl(42, c, 10))).isTrue();
        assertThat(LongStream.rangeClosed(1, 1_000).filter(c -> Holdout.isControl(42, c, 10)
                != Holdout.isControl(43, c, 10)).count()).as("another campaign draws another group").isPositive();
        assertThat(LongStream.rangeClosed(1, 1_000).noneMatch(c -> Holdout.isControl(42, c, 0))).isTrue();
    }

    @Test
    void discountsArePercentFixedOrSpendXSaveYAndNeverMoreThanTheOrder() {
        assertThat(terms(DiscountType.PERCENT, "15", null, "0").discountFor(new BigDecimal("199.90")))
                .isEqualByComparingTo("29.99");
        assertThat(terms(DiscountType.FIXED, "50", null, "0").discountFor(new BigDecimal("30")))
                .isEqualByComparingTo("30");
        CouponTerms spendSave = terms(DiscountType.SPEND_SAVE, "30", "200", "100");
        assertThat(spendSave.requiredSpend()).isEqualByComparingTo("200");
        assertThat(spendSave.discountFor(new BigDecimal("260"))).isEqualByComparingTo("30");
    }

    @Test
    void senselessTermsAreRefusedWithAReason() {
        assertThatThrownBy(() -> terms(DiscountType.PERCENT, "120", null, "0").validate())
                .isInstanceOf(UserFacingException.class).hasMessageContaining("campaigns.error.percent");
        assertThatThrownBy(() -> terms(DiscountType.SPEND_SAVE, "30", "20", "0").validate())
                .hasMessageContaining("campaigns.error.spendSave");
    }

    @Test
    void codesHaveThePrefixAndARandomPartWithoutAmbiguousCharacters() {
        var campaigns = new CampaignService(null, null, null, null, null, new org.springframework.jdbc.support.JdbcTransactionManager(
                new org.springframework.jdbc.datasource.SimpleDriverDataSource()), java.time.Clock.systemUTC());
        List<String> codes = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> campaigns.newCode("WB"))
                .toList();

        assertThat(codes).allMatch(c -> c.matches("WB[A-HJKMNP-Z2-9]{8}"));
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(String.join("", codes)).doesNotContain("0", "O", "1", "I", "L");
    }

    private static CouponTerms terms(DiscountType type, String value, String threshold, String minSpend) {
        return new CouponTerms(type, new BigDecimal(value), threshold == null ? null : new BigDecimal(threshold),
                new BigDecimal(minSpend), Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400), List.of(),
                CodeMode.UNIQUE, "WB", null, 1, 1, null);
    }
}
