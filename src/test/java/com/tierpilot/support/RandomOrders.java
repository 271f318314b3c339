package com.tierpilot.support;

import com.tierpilot.customer.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Random order writes as the tests of the order summary send them: one batch as the REST API's JSON or as an order
 * file (CSV with the Chinese headers and statuses an import recognises).
 */
public final class RandomOrders {

    private static final String[] STATUS_CN = {"已完成", "已退款", "已取消"};

    private RandomOrders() {
    }

    /** One order of a random batch or file; {@code status} indexes {@link OrderStatus}. */
    public record RandomOrder(String orderNo, String customerCode, LocalDateTime at, BigDecimal amount, int status) {
    }

    public static String json(List<RandomOrder> orders) {
        StringBuilder json = new StringBuilder("[");
        for (RandomOrder o : orders) {
            json.append(json.length() > 1 ? "," : "").append("{\"orderNo\":\"").append(o.orderNo())
                    .append("\",\"customerCode\":\"").append(o.customerCode()).append("\",\"orderedAt\":\"")
                    .append(o.at()).append("\",\"amount\":").append(o.amount().toPlainString())
                    .append(",\"status\":\"").append(OrderStatus.values()[o.status()].name()).append("\"}");
        }
        return json.append(']').toString();
    }

    public static String csv(List<RandomOrder> orders) {
        StringBuilder csv = new StringBuilder("订单号,客户编号,下单时间,金额,数量,品类,渠道,状态\n");
        for (RandomOrder o : orders) {
            csv.append(o.orderNo()).append(',').append(o.customerCode()).append(',')
                    .append(o.at().toString().replace('T', ' ')).append(',').append(o.amount().toPlainString())
                    .append(",1,服饰,天猫,").append(STATUS_CN[o.status()]).append('\n');
        }
        return csv.toString();
    }
}
