package com.tierpilot.sales;

/**
 * The seed's A-E grade of a prospect (客户等级划分): A a clear need closing within a month, B within three months,
 * C a clear need within six months, D a potential need or six months and more, E no need or lost.
 */
public enum ProspectGrade {
    A, B, C, D, E;

    public String messageKey() {
        return "sales.grade." + name();
    }
}
