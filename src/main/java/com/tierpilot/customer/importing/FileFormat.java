package com.tierpilot.customer.importing;

/** The kinds of file an import reads. */
public enum FileFormat {
    CSV,
    XLSX
}
