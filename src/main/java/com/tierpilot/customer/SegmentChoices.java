package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.util.List;
import java.util.Map;

/**
 * The segments the customer list can filter by, per scheme; implemented by the segmentation module so that this
 * module does not depend on it.
 */
public interface SegmentChoices {

    /** The segment keys of RFM, ABC and lifecycle, in display order (translated as segment.rfm.KEY etc.). */
    List<String> keys(String scheme);

    /** The tenant's rule segments: key to name. */
    Map<String, String> rules(TenantId tenant);
}
