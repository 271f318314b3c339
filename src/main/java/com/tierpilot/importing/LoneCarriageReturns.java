package com.tierpilot.importing;

import java.io.IOException;
import java.io.Reader;

/**
 * Keeps a lone carriage return (CR not followed by LF) inside a value once the file has shown that it breaks lines
 * with LF or CRLF: the CSV parser takes every CR as a line break, so such a CR (left in a cell by an old editor or a
 * copied text) would start a new record in the middle of a row. The CR is passed on as {@link #PLACEHOLDER}, and
 * {@link #restore} puts it back into the cell's text. In a file whose lines end with CR alone, every CR stays a line
 * break.
 */
final class LoneCarriageReturns extends Reader {

    /** A private-use character that stands for a lone CR while the parser reads. */
    static final char PLACEHOLDER = '\uE000';

    private final Reader in;
    private boolean sawLineFeed;
    /** A character read ahead to see what follows a CR at the end of a buffer; -1 when none. */
    private int held = -1;

    LoneCarriageReturns(Reader in) {
        this.in = in;
    }

    /** The text of a cell, with its lone carriage returns back. */
    static String restore(String cell) {
        return cell.indexOf(PLACEHOLDER) < 0 ? cell : cell.replace(PLACEHOLDER, '\r');
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        if (held >= 0) {
            buffer[offset] = (char) held;
            held = -1;
            n = 1;
        }
        if (n < length) {
            int read = in.read(buffer, offset + n, length - n);
            if (read < 0 && n == 0) {
                return -1;
            }
            n += Math.max(read, 0);
        }
        int end = offset + n;
        for (int i = offset; i < end; i++) {
            char c = buffer[i];
            if (c == '\n') {
                sawLineFeed = true;
            } else if (c == '\r' && sawLineFeed) {
                int next;
                if (i + 1 < end) {
                    next = buffer[i + 1];
                } else {
                    next = in.read();
                    held = next;
                }
                if (next != '\n' && next != -1) {
                    buffer[i] = PLACEHOLDER;
                }
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
