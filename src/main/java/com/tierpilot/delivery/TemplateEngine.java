package com.tierpilot.delivery;

import com.samskivert.mustache.DefaultCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import com.tierpilot.base.UserFacingException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders user-written message templates with JMustache in a safe mode: values come only from a map of merge fields
 * (never from methods or fields of Java objects, so {@code {{name.class}}} or {@code {{name.bytes}}} is nothing),
 * partials cannot be loaded (no file or class-path access), HTML bodies escape every value (a customer named
 * {@code <script>} stays text, and the unescaped forms {@code {{{x}}}} and {@code {{&x}}} are refused), and an unknown
 * field is refused when the template is saved rather than sent empty.
 */
public final class TemplateEngine {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?\\s*[#^/&>!]?\\s*([^}\\s]*)\\s*}?}}");

    /** Only maps answer variables; every other object in the context has no fields at all. */
    private static final Mustache.Collector MAPS_ONLY = new DefaultCollector() {
        @Override
        public Mustache.VariableFetcher createFetcher(Object ctx, String name) {
            return ctx instanceof Map<?, ?> ? super.createFetcher(ctx, name) : null;
        }
    };
    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new UserFacingException("template.error.partial");
    };
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).defaultValue("")
            .withCollector(MAPS_ONLY).withLoader(NO_PARTIALS);
    private static final Mustache.Compiler TEXT = HTML.escapeHTML(false);

    private TemplateEngine() {
    }

    /** An HTML body: every value escaped (the template is checked first, so nothing can be left unescaped). */
    public static String html(String template, MergeFields fields) {
        check(template);
        return render(HTML, template, fields);
    }

    /** A subject, a text part or an SMS: values as they are. */
    public static String text(String template, MergeFields fields) {
        return render(TEXT, template, fields);
    }

    /** Refuses a template that does not compile, loads partials, or names a field that does not exist. */
    public static void check(String template) {
        Matcher m = TAG.matcher(template);
        while (m.find()) {
            String tag = m.group();
            if (tag.startsWith("{{{") || tag.matches("\\{\\{\\s*&.*")) {
                throw new UserFacingException("template.error.unescaped");
            }
            if (tag.matches("\\{\\{\\s*>.*")) {
                throw new UserFacingException("template.error.partial");
            }
            if (tag.matches("\\{\\{\\s*!.*")) {
                continue;
            }
            if (!MergeFields.NAMES.contains(m.group(1))) {
                throw new UserFacingException("template.error.unknownField", m.group(1),
                        String.join(", ", MergeFields.NAMES.stream().sorted().toList()));
            }
        }
        compile(HTML, template);
    }

    private static String render(Mustache.Compiler compiler, String template, MergeFields fields) {
        return compile(compiler, template).execute(fields.asMap());
    }

    private static Template compile(Mustache.Compiler compiler, String template) {
        try {
            return compiler.compile(template);
        } catch (MustacheException e) {
            throw new UserFacingException("template.error.syntax", e.getMessage());
        }
    }
}
