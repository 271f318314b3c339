package com.tierpilot.segmentation;

import java.util.EnumSet;
import java.util.Set;

/** What a rule condition can test, and of which type it is. */
public enum RuleField {
    REGION(Type.TEXT, "c.region"),
    CITY(Type.TEXT, "c.city"),
    INDUSTRY(Type.TEXT, "c.industry"),
    COMPANY_SIZE(Type.TEXT, "c.company_size"),
    SOURCE_CHANNEL(Type.TEXT, "c.source_channel"),
    GENDER(Type.CHOICE, "c.gender"),
    ACCOUNT_MANAGER(Type.CHOICE, "c.account_manager_id"),
    BIRTHDAY_MONTH(Type.NUMBER, "month(c.birthday)"),
    CUSTOMER_SINCE(Type.DATE, "c.created_on"),
    MARKETING_CONSENT(Type.YES_NO, "c.marketing_consent"),
    TAGS(Type.TAGS, ""),
    ATTRIBUTE(Type.TEXT, ""),
    RECENCY_DAYS(Type.NUMBER, "s.recency_days"),
    FREQUENCY(Type.NUMBER, "s.frequency"),
    MONETARY(Type.NUMBER, "s.monetary"),
    R_SCORE(Type.NUMBER, "s.r_score"),
    F_SCORE(Type.NUMBER, "s.f_score"),
    M_SCORE(Type.NUMBER, "s.m_score"),
    RFM_SEGMENT(Type.CHOICE, "s.rfm_segment"),
    ABC_TIER(Type.CHOICE, "s.abc_tier"),
    LIFECYCLE(Type.CHOICE, "s.lifecycle"),
    ORDERS_TOTAL(Type.NUMBER, "s.orders_total"),
    FIRST_ORDER(Type.DATE, "s.first_order"),
    LAST_ORDER(Type.DATE, "s.last_order"),
    /** The predicted figures: their SQL comes from the prediction module ({@link RuleFigureSql}). */
    P_ALIVE(Type.NUMBER, ""),
    EXPECTED_PURCHASES_90D(Type.NUMBER, ""),
    CLV_12M(Type.NUMBER, ""),
    /** The prospect's A-E grade (issue 20): its SQL comes from the sales module ({@link RuleGradeSql}). */
    GRADE(Type.CHOICE, "");

    /** The kinds of value, each with the operators that fit it. */
    public enum Type {
        TEXT(EnumSet.of(RuleOperator.EQUALS, RuleOperator.NOT_EQUALS, RuleOperator.IN, RuleOperator.CONTAINS,
                RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY)),
        NUMBER(EnumSet.of(RuleOperator.EQUALS, RuleOperator.NOT_EQUALS, RuleOperator.LESS, RuleOperator.LESS_OR_EQUAL,
                RuleOperator.GREATER, RuleOperator.GREATER_OR_EQUAL, RuleOperator.BETWEEN, RuleOperator.IS_EMPTY,
                RuleOperator.IS_NOT_EMPTY)),
        DATE(EnumSet.of(RuleOperator.BEFORE, RuleOperator.AFTER, RuleOperator.BETWEEN, RuleOperator.WITHIN_LAST_DAYS,
                RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY)),
        CHOICE(EnumSet.of(RuleOperator.IN, RuleOperator.NOT_IN, RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY)),
        YES_NO(EnumSet.of(RuleOperator.IS_TRUE, RuleOperator.IS_FALSE)),
        TAGS(EnumSet.of(RuleOperator.CONTAINS_ANY, RuleOperator.CONTAINS_ALL, RuleOperator.CONTAINS_NONE,
                RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY));

        private final Set<RuleOperator> operators;

        Type(Set<RuleOperator> operators) {
            this.operators = operators;
        }

        public Set<RuleOperator> operators() {
            return operators;
        }
    }

    private final Type type;
    private final String column;

    RuleField(Type type, String column) {
        this.type = type;
        this.column = column;
    }

    public Type type() {
        return type;
    }

    String column() {
        return column;
    }

    /** Whether the field is a figure of the customer's latest churn prediction ({@link RuleFigureSql}). */
    public boolean predicted() {
        return this == P_ALIVE || this == EXPECTED_PURCHASES_90D || this == CLV_12M;
    }

    /** Whether another module contributes the field's SQL: the predicted figures and the grade. */
    boolean contributed() {
        return predicted() || this == GRADE;
    }

    public String messageKey() {
        return "rule.field." + name();
    }
}
