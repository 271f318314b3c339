package com.tierpilot.segmentation;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a rule definition into an SQL condition over {@code customer c} joined with its {@code customer_segment s}
 * row. Only whitelisted column expressions reach the SQL text; every value is a bound parameter. Invalid values are
 * refused with a message for the user.
 */
final class RuleSql {

    static final int MAX_DEPTH = 6;
    static final int MAX_CONDITIONS = 60;

    private final List<Object> params = new ArrayList<>();
    private final LocalDate asOf;
    private final RuleFigureSql figures;
    private int conditions;

    private RuleSql(LocalDate asOf, RuleFigureSql figures) {
        this.asOf = asOf;
        this.figures = figures;
    }

    /** The condition, and its parameters in order. */
    record Where(String sql, List<Object> params) {
    }

    static Where of(RuleNode rule, LocalDate asOf, RuleFigureSql figures) {
        RuleSql builder = new RuleSql(asOf, figures);
        String sql = builder.node(rule, 0);
        return new Where(sql, List.copyOf(builder.params));
    }

    private String node(RuleNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UserFacingException("rule.error.tooDeep", MAX_DEPTH);
        }
        return switch (node) {
            case RuleNode.Group group -> group(group, depth);
            case RuleNode.Condition condition -> condition(condition);
        };
    }

    private String group(RuleNode.Group group, int depth) {
        if (group.children().isEmpty()) {
            return group.logic() == RuleNode.Logic.AND ? "1 = 1" : "1 = 0";
        }
        List<String> parts = new ArrayList<>();
        for (RuleNode child : group.children()) {
            parts.add("(" + node(child, depth + 1) + ")");
        }
        return String.join(group.logic() == RuleNode.Logic.AND ? " and " : " or ", parts);
    }

    private String condition(RuleNode.Condition c) {
        if (++conditions > MAX_CONDITIONS) {
            throw new UserFacingException("rule.error.tooMany", MAX_CONDITIONS);
        }
        RuleField field = c.field();
        if (!field.type().operators().contains(c.operator())) {
            throw new UserFacingException("rule.error.operator");
        }
        return switch (field) {
            case TAGS -> tags(c);
            case ATTRIBUTE -> attribute(c);
            default -> compare(field.contributed() ? figures.figure(field) : field.column(), field.type(), c);
        };
    }

    private String compare(String column, RuleField.Type type, RuleNode.Condition c) {
        List<String> v = c.values();
        return switch (c.operator()) {
            case EQUALS -> column + " = " + bind(type, one(v));
            case NOT_EQUALS -> "(" + column + " is null or " + column + " <> " + bind(type, one(v)) + ")";
            case LESS, BEFORE -> column + " < " + bind(type, one(v));
            case LESS_OR_EQUAL -> column + " <= " + bind(type, one(v));
            case GREATER, AFTER -> column + " > " + bind(type, one(v));
            case GREATER_OR_EQUAL -> column + " >= " + bind(type, one(v));
            case BETWEEN -> column + " between " + bind(type, at(v, 0)) + " and " + bind(type, at(v, 1));
            case IN -> column + " in (" + list(type, v) + ")";
            case NOT_IN -> "(" + column + " is null or " + column + " not in (" + list(type, v) + "))";
            case CONTAINS -> "lower(" + column + ") like " + like(one(v));
            case IS_EMPTY -> type == RuleField.Type.TEXT ? "(" + column + " is null or " + column + " = '')"
                    : column + " is null";
            case IS_NOT_EMPTY -> type == RuleField.Type.TEXT ? "(" + column + " is not null and " + column
                    + " <> '')" : column + " is not null";
            case WITHIN_LAST_DAYS -> column + " >= " + bindValue(asOf.minusDays(wholeNumber(one(v))));
            case IS_TRUE -> column + " = true";
            case IS_FALSE -> "(" + column + " is null or " + column + " = false)";
            default -> throw new UserFacingException("rule.error.operator");
        };
    }

    private String tags(RuleNode.Condition c) {
        String exists = "exists (select 1 from customer_tag t where t.tenant_id = c.tenant_id"
                + " and t.customer_id = c.id";
        return switch (c.operator()) {
            case CONTAINS_ANY -> exists + " and t.tag in (" + list(RuleField.Type.TEXT, nonEmpty(c.values())) + "))";
            case CONTAINS_NONE -> "not " + exists + " and t.tag in (" + list(RuleField.Type.TEXT,
                    nonEmpty(c.values())) + "))";
            case CONTAINS_ALL -> {
                List<String> parts = new ArrayList<>();
                for (String tag : nonEmpty(c.values())) {
                    parts.add(exists + " and t.tag = " + bindValue(tag) + ")");
                }
                yield String.join(" and ", parts);
            }
            case IS_EMPTY -> "not " + exists + ")";
            case IS_NOT_EMPTY -> exists + ")";
            default -> throw new UserFacingException("rule.error.operator");
        };
    }

    private String attribute(RuleNode.Condition c) {
        if (c.attribute() == null || c.attribute().isBlank()) {
            throw new UserFacingException("rule.error.attribute");
        }
        String value = "(select a.attr_value from customer_attribute a where a.tenant_id = c.tenant_id"
                + " and a.customer_id = c.id and a.name = " + bindValue(c.attribute()) + ")";
        return compare(value, RuleField.Type.TEXT, c);
    }

    private String bind(RuleField.Type type, String value) {
        return switch (type) {
            case NUMBER -> bindValue(number(value));
            case DATE -> bindValue(date(value));
            default -> bindValue(value);
        };
    }

    private String list(RuleField.Type type, List<String> values) {
        List<String> binds = new ArrayList<>();
        for (String value : nonEmpty(values)) {
            binds.add(bind(type, value));
        }
        return String.join(", ", binds);
    }

    private String like(String value) {
        String escaped = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return bindValue("%" + escaped + "%");
    }

    private String bindValue(Object value) {
        params.add(value);
        return "?";
    }

    private static String one(List<String> values) {
        return at(values, 0);
    }

    private static String at(List<String> values, int index) {
        if (values.size() <= index || values.get(index) == null || values.get(index).isBlank()) {
            throw new UserFacingException("rule.error.value");
        }
        return values.get(index).strip();
    }

    private static List<String> nonEmpty(List<String> values) {
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (kept.isEmpty()) {
            throw new UserFacingException("rule.error.value");
        }
        return kept;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new UserFacingException("rule.error.number", value);
        }
    }

    private static long wholeNumber(String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > 36500) {
                throw new UserFacingException("rule.error.number", value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UserFacingException("rule.error.number", value);
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserFacingException("rule.error.date", value);
        }
    }
}
