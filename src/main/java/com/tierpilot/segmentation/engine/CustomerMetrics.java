package com.tierpilot.segmentation.engine;

import java.util.Arrays;

/**
 * The aggregated order history of a tenant's customers as of a run's date D, one entry per customer, in columns.
 * <ul>
 * <li>window: the W whole days before D; frequency = completed orders in it; monetary = the sum of amounts in it,
 * refunds netted, cancellations left out (in cents); last = the last completed order date in it;</li>
 * <li>all time before D: the first and the last completed order dates and the number of completed orders.</li>
 * </ul>
 * Dates are epoch days; {@link #NONE} means there is none.
 */
public final class CustomerMetrics {

    public static final int NONE = Integer.MIN_VALUE;

    private long[] ids = new long[1024];
    private String[] codes = new String[1024];
    private int[] frequency = new int[1024];
    private long[] monetaryCents = new long[1024];
    private int[] lastInWindow = new int[1024];
    private int[] firstEver = new int[1024];
    private int[] lastEver = new int[1024];
    private int[] ordersEver = new int[1024];
    private int size;

    /** Adds a customer. */
    public void add(long id, String code, int windowOrders, long windowMonetaryCents, int lastOrderInWindow,
            int firstOrder, int lastOrder, int orders) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            codes = Arrays.copyOf(codes, capacity);
            frequency = Arrays.copyOf(frequency, capacity);
            monetaryCents = Arrays.copyOf(monetaryCents, capacity);
            lastInWindow = Arrays.copyOf(lastInWindow, capacity);
            firstEver = Arrays.copyOf(firstEver, capacity);
            lastEver = Arrays.copyOf(lastEver, capacity);
            ordersEver = Arrays.copyOf(ordersEver, capacity);
        }
        ids[size] = id;
        codes[size] = code;
        frequency[size] = windowOrders;
        monetaryCents[size] = windowMonetaryCents;
        lastInWindow[size] = lastOrderInWindow;
        firstEver[size] = firstOrder;
        lastEver[size] = lastOrder;
        ordersEver[size] = orders;
        size++;
    }

    /**
     * Replaces the figures of the customer at {@code i} (its id and code stay): the summary read corrects the
     * customers whose orders it cannot take from the summary.
     */
    public void set(int i, int windowOrders, long windowMonetaryCents, int lastOrderInWindow, int firstOrder,
            int lastOrder, int orders) {
        frequency[i] = windowOrders;
        monetaryCents[i] = windowMonetaryCents;
        lastInWindow[i] = lastOrderInWindow;
        firstEver[i] = firstOrder;
        lastEver[i] = lastOrder;
        ordersEver[i] = orders;
    }

    /** The index of the customer with this id, or a negative number; the customers must have been added by id. */
    public int indexOf(long id) {
        return Arrays.binarySearch(ids, 0, size, id);
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    public String code(int i) {
        return codes[i];
    }

    public int frequency(int i) {
        return frequency[i];
    }

    public long monetaryCents(int i) {
        return monetaryCents[i];
    }

    public int lastOrderInWindow(int i) {
        return lastInWindow[i];
    }

    public int firstOrder(int i) {
        return firstEver[i];
    }

    public int lastOrder(int i) {
        return lastEver[i];
    }

    public int orders(int i) {
        return ordersEver[i];
    }

    /** Only customers with at least one order in the window get an RFM score. */
    public boolean scored(int i) {
        return frequency[i] > 0;
    }
}
