package com.tierpilot.segmentation.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.segmentation.CustomerSegmentation;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.TimelineEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;

/** The customer page's segments: where the customer stands in the current run, and the tier timeline. */
@org.springframework.stereotype.Component
class SegmentsSection implements CustomerPageSection {

    private final SegmentResultService queries;

    SegmentsSection(SegmentResultService queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-segments");
        box.add(new H3(box.getTranslation("customers.segments.title")));
        Optional<CustomerSegmentation> now = queries.forCustomer(tenant, customerId);
        if (now.isEmpty()) {
            box.add(new Paragraph(box.getTranslation("customers.segments.none")));
            return box;
        }
        CustomerSegmentation s = now.get();
        box.add(new Paragraph(box.getTranslation("customers.segments.now", s.asOf(),
                s.rfmSegment() == null ? "–" : box.getTranslation(s.rfmSegment().messageKey()),
                s.r() == null ? "–" : s.r() + "-" + s.f() + "-" + s.m(),
                s.abcTier() == null ? "–" : box.getTranslation(s.abcTier().messageKey()),
                box.getTranslation(s.lifecycleStage().messageKey()))));
        List<TimelineEntry> timeline = queries.timeline(tenant, customerId);
        var list = new UnorderedList();
        list.setId("customer-timeline");
        for (TimelineEntry e : timeline) {
            list.add(new ListItem(box.getTranslation("customers.segments.move", e.asOf(),
                    box.getTranslation("segmentation.tab." + e.scheme().toLowerCase()), name(box, e.scheme(), e.from()),
                    name(box, e.scheme(), e.to()))));
        }
        box.add(new H3(box.getTranslation("customers.segments.timeline")), timeline.isEmpty()
                ? new Paragraph(box.getTranslation("customers.segments.noMoves")) : list);
        return box;
    }

    private static String name(Component context, String scheme, String segment) {
        return segment == null ? "–" : SegmentNames.of(context, scheme, segment);
    }
}
