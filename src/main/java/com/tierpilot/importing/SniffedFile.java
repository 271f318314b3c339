package com.tierpilot.importing;

import java.nio.charset.Charset;

/**
 * What the first bytes of an uploaded file tell: its format and, for text files, the encoding, the length of a
 * byte order mark to skip, and the delimiter.
 */
public record SniffedFile(FileFormat format, Charset charset, int bomLength, char delimiter) {

    public String encodingLabel() {
        String name = charset.name();
        return bomLength > 0 ? name + " (BOM)" : name;
    }
}
