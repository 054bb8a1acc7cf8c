package io.github.hybridshop.gcp.web.analytics;

import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.web.Page;
import java.util.List;

/**
 * The dashboard template's model.
 *
 * @param page the layout context
 * @param configured {@code false} when no warehouse is configured (nothing else is set then)
 * @param inventory bars of stock value per category
 * @param sales line of revenue per day over the last 30 days
 * @param lowStock products at or below the low-stock threshold
 * @param freshness how old the copy is, as a sentence
 * @param fresh {@code true} when the copy is at most {@link DashboardRoutes#STALE_AFTER} old
 */
public record DashboardView(
    Page page,
    boolean configured,
    Charts.BarChart inventory,
    Charts.LineChart sales,
    List<Warehouse.LowStock> lowStock,
    String freshness,
    boolean fresh) {}
