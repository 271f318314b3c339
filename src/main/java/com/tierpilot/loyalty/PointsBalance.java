package com.tierpilot.loyalty;

/**
 * A customer's points: what can be spent (never negative), and the debt left by refunds of orders whose points had
 * already been spent.
 */
public record PointsBalance(int points, int debt) {

    public static final PointsBalance NONE = new PointsBalance(0, 0);
}
