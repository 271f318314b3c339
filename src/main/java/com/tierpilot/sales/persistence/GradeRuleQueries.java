package com.tierpilot.sales.persistence;

import com.tierpilot.segmentation.RuleGradeSql;
import org.springframework.stereotype.Repository;

/** The grade that rule segments and campaign audiences test, over this module's published {@code prospect_grade}. */
@Repository
class GradeRuleQueries implements RuleGradeSql {

    @Override
    public String grade(String tenant, String customer) {
        return "(select g.grade from prospect_grade g where g.tenant_id = " + tenant + " and g.customer_id = "
                + customer + ")";
    }
}
