package com.tierpilot.segmentation.ui.rules;

import java.util.List;

/** What the parts of one rule editor share: words, suggestions, whether it may change, and whom to tell. */
record EditorSupport(RuleTexts texts, List<String> knownTags, List<String> knownAttributes, boolean editable,
        Runnable onChange) {

    void changed() {
        onChange.run();
    }

    /** Everything but the listener, which the editor adds. */
    record Builder(RuleTexts texts, List<String> knownTags, List<String> knownAttributes, boolean editable) {

        EditorSupport build(Runnable onChange) {
            return new EditorSupport(texts, knownTags, knownAttributes, editable, onChange);
        }
    }
}
