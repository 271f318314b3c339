package com.tierpilot.customer;

/**
 * The staging of one intake run (see {@link CustomerIntakeService#staging}): rows are buffered and written to the
 * staging tables in JDBC batches, each in a short transaction of its own, which no screen sees.
 */
public interface IntakeStaging {

    /** Stages one row (written with the next batch). */
    void add(IntakeRow row);

    /** Writes what is pending, and loads the staging files if the rows went to files for a bulk load. */
    void finish();

    /** Deletes the staging files, loaded or not; the staged rows stay until {@link CustomerIntakeService#clear}. */
    void discard();
}
