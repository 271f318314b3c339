package com.example.modules.loyalty;

import com.example.modules.orders.OrderService;

/** Broken example: calls orders back, which calls this module: a cycle. */
public class PointsService {

    private final OrderService orders;

    public PointsService(OrderService orders) {
        this.orders = orders;
    }

    public long balance(long customer) {
        return customer;
    }

    public long reorder(long customer) {
        return orders.place(customer);
    }
}
