package com.tierpilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a user cannot read because it is cut off (issue 17, item 7): texts wider than the box that shows them (an
 * ellipsis, "Manag…"), or outside the window or the grid's visible part (a column off-screen).
 */
final class Clipping {

    private static final Path SHOTS = Path.of("target", "screenshots");

    /**
     * For every header and body cell of the grid that is on screen: its text is wider than the cell (measured with a
     * range over the cell's contents, which an ellipsis does not shorten, and by the cell's overflow, which catches a
     * word cut in a wrapping cell), or the cell ends right of the grid's
     * visible part or of the window. Each finding is "text [text width > cell width]".
     */
    private static final String GRID_CELLS = """
            grid => {
              const found = [];
              const view = grid.getBoundingClientRect();
              const right = Math.min(view.right, window.innerWidth) + 1;
              for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                const cell = content.assignedSlot && content.assignedSlot.parentElement;
                if (!cell || cell.hidden || cell.parentElement.hidden) continue;
                const box = content.getBoundingClientRect();
                if (box.width === 0 || box.bottom < view.top || box.top > Math.min(view.bottom, window.innerHeight)) continue;
                const text = content.textContent.trim();
                if (!text) continue;
                const range = document.createRange();
                range.selectNodeContents(content);
                const width = range.getBoundingClientRect().width;
                // A word longer than a wrapping cell is cut with an ellipsis ("Custom…"): the content overflows.
                const overflow = content.scrollWidth > content.clientWidth + 1;
                if (width > content.clientWidth + 1 || overflow || box.right > right) {
                  found.push(text + ' [' + Math.round(Math.max(width, content.scrollWidth)) + ' > ' + content.clientWidth
                      + (box.right > right ? ', ends at ' + Math.round(box.right) + ' of ' + Math.round(right) : '')
                      + ']');
                }
              }
              for (const sorter of grid.querySelectorAll('vaadin-grid-sorter')) {
                const content = sorter.shadowRoot.querySelector('[part=content]');
                if (content && sorter.getBoundingClientRect().width > 0 && content.scrollWidth > content.clientWidth + 1) {
                  found.push(sorter.textContent.trim() + ' [header ' + content.scrollWidth + ' > ' + content.clientWidth + ']');
                }
              }
              for (const value of grid.querySelectorAll('vaadin-select-value-button')) {
                const box = value.getBoundingClientRect();
                if (box.width > 0 && value.scrollWidth > value.clientWidth + 1) {
                  found.push(value.textContent.trim() + ' [select ' + value.scrollWidth + ' > ' + value.clientWidth + ']');
                }
              }
              return found;
            }""";

    /** The placeholder of a text field's input is wider than the input (measured in the input's font). */
    private static final String PLACEHOLDER = """
            field => {
              const input = field.querySelector('input');
              const style = getComputedStyle(input);
              const context = document.createElement('canvas').getContext('2d');
              context.font = style.font;
              const width = context.measureText(input.placeholder).width;
              const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return width > room + 1 ? [input.placeholder + ' [' + Math.round(width) + ' > ' + Math.round(room) + ']'] : [];
            }""";

    private Clipping() {
    }

    /** The grid's cells on screen whose text is cut off or off-screen; empty when everything can be read. */
    @SuppressWarnings("unchecked")
    static List<String> inGrid(Locator grid) {
        return (List<String>) grid.evaluate(GRID_CELLS);
    }

    /** The text field's placeholder when it does not fit into the field; empty when it does. */
    @SuppressWarnings("unchecked")
    static List<String> ofPlaceholder(Locator textField) {
        return (List<String>) textField.evaluate(PLACEHOLDER);
    }

    /**
     * Opens the screen at 1366×768 and at 1920×1080, the sizes the issue names, as a user with that screen would (a
     * grid sizes its columns when it is first shown), runs the check, and takes screenshots; says at which size what
     * was cut.
     */
    static List<String> atBothSizes(Page page, String name, Runnable open, Supplier<List<String>> check)
            throws IOException {
        List<String> found = new ArrayList<>();
        Files.createDirectories(SHOTS);
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            open.run();
            check.get().forEach(cut -> found.add(size[0] + "px: " + cut));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-" + size[0] + ".png")));
        }
        page.setViewportSize(1400, 900);
        return found;
    }
}
