package com.tierpilot.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Screenshots of a screen at 1366×768 and 1920×1080 into target/screenshots, to look at (issue 17, item 7). */
final class Screenshots {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static void shoot(Page page, String name) throws IOException {
        Files.createDirectories(SHOTS);
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-" + size[0] + ".png")));
        }
        page.setViewportSize(1400, 900);
    }
}
