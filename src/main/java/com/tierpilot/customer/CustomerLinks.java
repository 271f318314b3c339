package com.tierpilot.customer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The address of a customer's page. Customer codes come from the company's own systems and may hold anything: a
 * slash ({@code KH/2024/001}) becomes a path separator that the page's wildcard route reads back whole; spaces,
 * {@code #}, {@code ?}, {@code %} and non-ASCII characters are percent-encoded, per path segment.
 */
public final class CustomerLinks {

    /** The route template of the customer page; {@code code} takes the rest of the path, slashes included. */
    public static final String ROUTE = "customers/:code*";

    private CustomerLinks() {
    }

    /**
     * The code back from the page's wildcard segments, which the router hands over as they stand in the address
     * (still percent-encoded). A {@code +} stays a plus; a segment that is not valid percent-encoding (typed by hand)
     * is taken as it is.
     */
    public static String code(List<String> segments) {
        return segments.stream().map(CustomerLinks::decode).collect(Collectors.joining("/"));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return segment;
        }
    }

    /** The page of the customer with this code, relative to the application root. */
    public static String page(String code) {
        return "customers/" + Arrays.stream(code.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
