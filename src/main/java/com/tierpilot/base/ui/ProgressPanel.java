package com.tierpilot.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A live progress bar for long-running work (a recompute): shows the work's state as the server pushes it, and hides
 * itself when the work is finished. It stops listening when the screen is closed.
 *
 * @param <T> the work's status, as its service publishes it
 */
public final class ProgressPanel<T> extends Div {

    private final ToIntFunction<T> permille;
    private final Function<T, String> text;
    private final Predicate<T> finished;
    private final Consumer<T> onFinished;
    private @Nullable Runnable unsubscribe;

    public ProgressPanel(ToIntFunction<T> permille, Function<T, String> text, Predicate<T> finished,
            Consumer<T> onFinished) {
        this.permille = permille;
        this.text = text;
        this.finished = finished;
        this.onFinished = onFinished;
        addDetachListener(detach -> stop());
    }

    /**
     * Shows the work from its status now, then follows it.
     *
     * @param subscribe registers a listener for the work's updates and returns the undo
     * @param reload reads the work's status again (it may have finished before the listener was registered)
     */
    public void watch(Supplier<T> reload, Function<Consumer<T>, Runnable> subscribe) {
        stop();
        UI ui = UI.getCurrent();
        var bar = new ProgressBar(0, 1000);
        var line = new Paragraph();
        removeAll();
        add(line, bar);
        Consumer<T> render = status -> {
            bar.setValue(permille.applyAsInt(status));
            line.setText(text.apply(status));
            if (finished.test(status)) {
                removeAll();
                onFinished.accept(status);
            }
        };
        render.accept(reload.get());
        unsubscribe = subscribe.apply(status -> ui.access(() -> render.accept(status)));
        T now = reload.get();
        if (finished.test(now)) {
            render.accept(now);
        }
    }

    public void stop() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
