package com.example.modules.orders;

import com.example.modules.loyalty.PointsService;
import com.example.modules.loyalty.internal.PointsLedger;

/** Broken example: calls loyalty's service (an undeclared dependency) and its internal ledger. */
public class OrderService {

    private final PointsService points;
    private final PointsLedger ledger;

    public OrderService(PointsService points, PointsLedger ledger) {
        this.points = points;
        this.ledger = ledger;
    }

    public long place(long customer) {
        ledger.book(customer, 1);
        return points.balance(customer);
    }
}
