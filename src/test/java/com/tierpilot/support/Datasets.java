package com.tierpilot.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real, third-party data sets the tests check against, kept in this repository under
 * {@code src/test/resources/datasets/} (origin and licence in its README). A missing file fails the test that asks
 * for it: no test is skipped for want of data.
 */
public final class Datasets {

    private Datasets() {
    }

    /** UCI Online Retail: all 541,909 order lines, gzipped CSV (CC BY 4.0). */
    public static Path onlineRetail() {
        return file("online-retail/online_retail.csv.gz");
    }

    /** A file of the CDNOW data (Fader and Hardie's BTYD material), e.g. {@code CDNOW_sample.txt}. */
    public static Path cdnow(String name) {
        return file("cdnow/" + name);
    }

    static Path file(String relative) {
        URL url = Datasets.class.getResource("/datasets/" + relative);
        if (url == null) {
            throw new IllegalStateException("Data set missing from the test classpath: datasets/" + relative
                    + " (see src/test/resources/datasets/README.md)");
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("Not a file: " + path);
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
