package com.tierpilot.support;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every route ({@code route:customers/:code*}) and endpoint ({@code GET /api/v1/customers/{code}}) of the
 * application, read from the compiled classes, for the tests that must cover each one (cross-tenant, data scope).
 */
public final class RoutesAndEndpoints {

    /** The HTTP method of each mapping annotation; {@code @RequestMapping} names its methods itself. */
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GetMapping.class, "GET",
            PostMapping.class, "POST", PutMapping.class, "PUT", DeleteMapping.class, "DELETE", PatchMapping.class,
            "PATCH");

    private RoutesAndEndpoints() {
    }

    /** The application's classes, without the tests. */
    public static JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.tierpilot");
    }

    /** Every route of a view that passes the filter, as {@code route:<path>}, and every endpoint. */
    public static Set<String> all(JavaClasses classes, Predicate<Class<?>> views) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            c.tryGetAnnotationOfType(Route.class).filter(r -> views.test(c.reflect()))
                    .ifPresent(r -> found.add("route:" + r.value()));
            found.addAll(endpoints(c));
        }
        return found;
    }

    /** The endpoints a controller class maps, as {@code VERB path}. */
    static List<String> endpoints(JavaClass c) {
        List<String> found = new ArrayList<>();
        List<String> prefixes = c.tryGetAnnotationOfType(RequestMapping.class.getName())
                .map(RoutesAndEndpoints::paths).orElse(List.of(""));
        for (JavaMethod m : c.getMethods()) {
            for (JavaAnnotation<JavaMethod> mapping : m.getAnnotations()) {
                for (String verb : verbs(mapping)) {
                    for (String prefix : prefixes) {
                        paths(mapping).forEach(path -> found.add(verb + " " + prefix + path));
                    }
                }
            }
        }
        return found;
    }

    /** The HTTP methods a mapping annotation maps: none for an annotation that is no mapping, ANY when unnamed. */
    private static List<String> verbs(JavaAnnotation<?> annotation) {
        Class<?> type = annotation.getRawType().reflect();
        if (VERBS.containsKey(type)) {
            return List.of(VERBS.get(type));
        }
        if (type != RequestMapping.class) {
            return List.of();
        }
        Object[] methods = (Object[]) annotation.get("method").orElse(new Object[0]);
        return methods.length == 0 ? List.of("ANY")
                : Arrays.stream(methods).map(m -> ((JavaEnumConstant) m).name()).toList();
    }

    /** The paths of a mapping annotation, given as {@code value} or as {@code path}; "" when it names none. */
    private static List<String> paths(JavaAnnotation<?> mapping) {
        List<String> paths = new ArrayList<>();
        for (String attribute : List.of("value", "path")) {
            for (Object path : (Object[]) mapping.get(attribute).orElse(new Object[0])) {
                paths.add((String) path);
            }
        }
        return paths.isEmpty() ? List.of("") : paths;
    }
}
