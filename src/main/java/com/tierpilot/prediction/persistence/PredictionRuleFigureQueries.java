package com.tierpilot.prediction.persistence;

import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleFigureSql;
import org.springframework.stereotype.Repository;

/** The predicted figures that rule segments test, over this module's published {@code customer_prediction}. */
@Repository
class PredictionRuleFigureQueries implements RuleFigureSql {

    @Override
    public String figure(RuleField field) {
        String column = switch (field) {
            case P_ALIVE -> "p_alive";
            case EXPECTED_PURCHASES_90D -> "expected_90d";
            case CLV_12M -> "clv_12m";
            default -> throw new IllegalArgumentException(field + " is not a predicted figure");
        };
        // Null before the first prediction, or for a customer without a purchase.
        return "(select p." + column + " from customer_prediction p where p.tenant_id = c.tenant_id"
                + " and p.customer_id = c.id)";
    }
}
