package com.tierpilot.importing;

import java.util.Iterator;
import java.util.List;

/** A file read as a header row and a stream of data rows; it never holds the whole file in memory. */
public interface TabularSource extends AutoCloseable {

    List<String> header();

    /** The data rows, read lazily; a broken file fails with a {@link com.tierpilot.base.UserFacingException}. */
    Iterator<SourceRow> rows();

    /** How far the reading has got, from 0 to 1. */
    double progress();

    @Override
    void close();
}
