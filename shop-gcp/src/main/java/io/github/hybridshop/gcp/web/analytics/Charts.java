package io.github.hybridshop.gcp.web.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Geometry for the dashboard's server-rendered SVG charts. Only numbers and labels come out;
 * the template draws them, so every label is escaped like any other text.
 */
public final class Charts {
  /** Chart width in SVG units (the SVG scales to its container). */
  public static final int WIDTH = 600;

  /** Chart height in SVG units. */
  public static final int HEIGHT = 220;

  private static final int LEFT = 8;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;

  private Charts() {}

  /**
   * A horizontal-axis bar chart.
   *
   * @param bars the bars, left to right
   */
  public record BarChart(List<Bar> bars) {}

  /**
   * One bar.
   *
   * @param x left edge
   * @param y top edge
   * @param width width
   * @param height height
   * @param label the category under the bar
   * @param value the formatted value above the bar
   */
  public record Bar(int x, int y, int width, int height, String label, String value) {
    /** @return the horizontal centre, for labels */
    public int centre() {
      return x + width / 2;
    }
  }

  /**
   * A line over consecutive days.
   *
   * @param points the SVG polyline points attribute
   * @param dots one dot per day with its tooltip
   * @param firstDay label at the left end
   * @param lastDay label at the right end
   * @param max the formatted largest value (top of the scale)
   */
  public record LineChart(String points, List<Dot> dots, String firstDay, String lastDay, String max) {}

  /**
   * One day on the line.
   *
   * @param x position
   * @param y position
   * @param title tooltip: day and value
   */
  public record Dot(int x, int y, String title) {}

  /**
   * Lays out bars scaled to the largest value.
   *
   * @param <T> the row type
   * @param rows the rows
   * @param label the row's label
   * @param value the row's value
   * @param format formats a value for display
   * @return the chart
   */
  public static <T> BarChart bars(
      List<T> rows, Function<T, String> label, Function<T, BigDecimal> value, Function<BigDecimal, String> format) {
    BigDecimal max = rows.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::max);
    int plotHeight = HEIGHT - BOTTOM - TOP;
    int slot = rows.isEmpty() ? WIDTH : (WIDTH - LEFT) / rows.size();
    int width = Math.max(4, slot * 7 / 10);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      T row = rows.get(i);
      BigDecimal v = value.apply(row);
      int h = scale(v, max, plotHeight);
      bars.add(new Bar(LEFT + i * slot + (slot - width) / 2, TOP + plotHeight - h, width, h, label.apply(row), format.apply(v)));
    }
    return new BarChart(bars);
  }

  /**
   * Lays out a line over every day from {@code from} to {@code to}; missing days count as zero.
   *
   * @param values value per day
   * @param from first day
   * @param to last day
   * @param format formats a value for display
   * @return the chart
   */
  public static LineChart line(
      Map<LocalDate, BigDecimal> values, LocalDate from, LocalDate to, Function<BigDecimal, String> format) {
    BigDecimal max = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    int plotHeight = HEIGHT - BOTTOM - TOP;
    double step = days > 1 ? (double) (WIDTH - 2 * LEFT) / (days - 1) : 0;
    StringBuilder points = new StringBuilder();
    List<Dot> dots = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = from.plusDays(i);
      BigDecimal v = values.getOrDefault(day, BigDecimal.ZERO);
      int x = LEFT + (int) Math.round(i * step);
      int y = TOP + plotHeight - scale(v, max, plotHeight);
      points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.add(new Dot(x, y, day + ": " + format.apply(v)));
    }
    return new LineChart(points.toString(), dots, from.toString(), to.toString(), format.apply(max));
  }

  private static int scale(BigDecimal value, BigDecimal max, int height) {
    if (max.signum() <= 0 || value.signum() <= 0) {
      return 0;
    }
    return value.multiply(BigDecimal.valueOf(height)).divide(max, 0, RoundingMode.HALF_UP).intValue();
  }
}
