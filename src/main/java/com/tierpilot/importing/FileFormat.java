package com.tierpilot.importing;

/** The kinds of file an import reads. */
public enum FileFormat {
    CSV,
    XLSX
}
