package com.tierpilot.customer;

import java.util.List;

/** What an assignment changed, and the loads of the managers it assigned to. */
public record AssignmentResult(int customersAssigned, List<ManagerLoad> loads) {

    public boolean anyOverLimit() {
        return loads.stream().anyMatch(ManagerLoad::overLimit);
    }
}
