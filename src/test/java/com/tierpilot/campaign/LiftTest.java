package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierpilot.campaign.persistence.CampaignRepository.GroupSums;
import com.tierpilot.campaign.persistence.CampaignRepository.RedemptionSums;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The lift arithmetic on constructed examples whose answers were worked out by hand (t quantiles from a table).
 */
class LiftTest {

    @Test
    void theRevenueLiftIsTheDifferenceOfMeansWithWelchsInterval() {
        // Target revenues per member 10, 20, 30, 40, 50: mean 30, variance 250. Control 0, 10, 20, 30, 40: mean 20,
        // variance 250. SE = sqrt(250/5 + 250/5) = 10; equal variances and sizes give ν = 2(n − 1) = 8, and
        // t(0.975, 8) = 2.306004. So 10 ± 23.06004.
        Lift.Interval lift = Lift.meanDifference(5, 150, 5500, 5, 100, 3000);

        assertThat(lift.estimate()).isCloseTo(10, within(1e-9));
        assertThat(lift.low()).isCloseTo(-13.06004, within(1e-5));
        assertThat(lift.high()).isCloseTo(33.06004, within(1e-5));
        assertThat(lift.significant()).isFalse();
        assertThat(Lift.welchDegreesOfFreedom(5, 250, 5, 250)).isCloseTo(8, within(1e-9));
    }

    @Test
    void theConversionLiftIsTheDifferenceOfRatesWithTheNormalApproximation() {
        // 30 of 100 target members bought, 10 of 50 control members: 0.3 − 0.2 = 0.1,
        // SE = sqrt(0.3·0.7/100 + 0.2·0.8/50) = sqrt(0.0053) = 0.0728011, 1.959964 · SE = 0.1426874.
        Lift.Interval lift = Lift.conversion(30, 100, 10, 50);

        assertThat(lift.estimate()).isCloseTo(0.1, within(1e-12));
        assertThat(lift.low()).isCloseTo(-0.0426874, within(1e-6));
        assertThat(lift.high()).isCloseTo(0.2426874, within(1e-6));
    }

    @Test
    void aLargeEnoughDifferenceIsSignificant() {
        Lift.Interval lift = Lift.conversion(300, 1000, 100, 1000);

        assertThat(lift.significant()).isTrue();
        assertThat(lift.low()).isGreaterThan(0);
    }

    @Test
    void theResultsCombineTheGroupsIntoIncrementalRevenueCostAndRoi() {
        // The same groups as above; the target redeemed 3 coupons worth 15 in all.
        CampaignResults r = CampaignReportingService.compute(1, Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                new GroupSums(5, 4, 6, new BigDecimal("150"), new BigDecimal("5500")),
                new RedemptionSums(3, 3, new BigDecimal("15.00")),
                new GroupSums(5, 4, 5, new BigDecimal("100"), new BigDecimal("3000")),
                new RedemptionSums(0, 0, BigDecimal.ZERO));

        assertThat(r.target().revenuePerMember()).isEqualTo(30);
        assertThat(r.control().revenuePerMember()).isEqualTo(20);
        assertThat(r.target().redemptionRate()).isEqualTo(0.6);
        assertThat(r.conversionLift().estimate()).isZero();
        // Incremental revenue = 10 per member × 5 target members; ROI = (50 − 15) / 15.
        assertThat(r.incrementalRevenue()).isEqualByComparingTo("50.00");
        assertThat(r.discountCost()).isEqualByComparingTo("15.00");
        assertThat(r.roi()).isCloseTo(2.333333, within(1e-6));
    }

    @Test
    void tooSmallGroupsHaveAnEstimateButNoInterval() {
        assertThat(Lift.meanDifference(1, 100, 10000, 1, 0, 0).hasInterval()).isFalse();
        assertThat(Lift.conversion(0, 0, 1, 2)).isNull();
    }
}
