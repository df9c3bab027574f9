package dev.kuja.io.report;

import dev.kuja.iim.InterdependencyMatrix;
import dev.kuja.iim.StaticSolution;
import dev.kuja.iim.Timeline;
import dev.kuja.model.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The results of the inoperability input–output model as one self-contained HTML page
 * (docs/iim.md, docs/cli.md#kuja-iim): for a dynamic run a line plot of q(t) per sector, drawn by
 * Kuja as inline SVG, and for a static run a bar per sector; then the table of every sector and
 * A*. No script, no style sheet or font from elsewhere: the page opens offline. Every text from
 * the input (sector ids, the title) is escaped.
 */
public final class IimReport {

  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf"
  };

  /** Points drawn per line at most; a longer timeline is drawn at evenly spaced points, the last included. */
  static final int MAX_POINTS = 2000;

  private static final int WIDTH = 860;
  private static final int HEIGHT = 380;
  private static final int LEFT = 56;
  private static final int RIGHT = 20;
  private static final int TOP = 16;
  private static final int BOTTOM = 44;

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1em; color: #222; }
      h1 { font-size: 1.5em; margin-bottom: 0.2em; }
      h2 { font-size: 1.15em; margin-top: 1.6em; }
      p.note { color: #555; margin-top: 0; }
      table { border-collapse: collapse; margin: 0.5em 0; }
      th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #ddd; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      svg text { font: 12px system-ui, sans-serif; fill: #333; }
      svg .axis { stroke: #888; stroke-width: 1; }
      svg .grid { stroke: #e4e4e4; stroke-width: 1; }
      svg .q { fill: none; stroke-width: 2; }
      .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em; vertical-align: -0.1em; }
      """;

  private IimReport() {}

  /**
   * Writes the page to {@code file} atomically: to a temporary file in the same directory, then
   * moved into place, so that a reader never sees half a page.
   *
   * @param timeline the dynamic run, or empty for a static one
   */
  public static void write(Path file, String title, StaticSolution solution, InterdependencyMatrix aStar,
      Optional<Timeline> timeline) {
    String html = render(title, solution, aStar, timeline);
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      readable(tmp, target);
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the message below says what went wrong; a stray temporary file is the lesser problem
        }
      }
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives the temporary file the permissions of the file it replaces, or rw-r--r--: temporary
   * files are made readable by their owner only.
   */
  private static void readable(Path tmp, Path target) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
          : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions will do
    }
  }

  /** The page as text; see {@link #write}. */
  public static String render(String title, StaticSolution solution, InterdependencyMatrix aStar,
      Optional<Timeline> timeline) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(solution, "solution");
    Objects.requireNonNull(aStar, "aStar");
    Objects.requireNonNull(timeline, "timeline");
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Kuja IIM — ").append(esc(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Sector inoperability</h1>\n<p class=\"note\">").append(esc(title)).append(": ")
        .append(aStar.size()).append(aStar.size() == 1 ? " sector" : " sectors").append(", inoperability input–output model")
        .append(timeline.map(t -> ", " + (t.points() - 1) + " steps of " + Durations.format(t.step())).orElse(""))
        .append(".</p>\n");
    if (timeline.isPresent()) {
      h.append("<h2>Inoperability q(t) per sector</h2>\n");
      plot(h, timeline.get());
    } else {
      h.append("<h2>Inoperability q per sector</h2>\n");
      bars(h, solution);
    }
    table(h, solution, timeline);
    matrix(h, aStar);
    h.append("<p class=\"note\">q is the share of a sector's planned output that it cannot deliver; c* the share of "
        + "its demand a disruption takes away directly. The static q solves q = A* q + c* and is clipped to "
        + "[0, 1]. Impact is the integral of q over the horizon in steps (trapezoid rule). See Kuja's docs/iim.md."
        + "</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** The smallest of a few round numbers at least the largest value, so that small q still fill the plot. */
  static double top(double max) {
    for (double t : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1}) {
      if (max <= t) {
        return t;
      }
    }
    return 1;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static void plot(StringBuilder h, Timeline t) {
    List<String> sectors = t.sectors();
    int points = t.points();
    double max = 0;
    for (String s : sectors) {
      for (double q : t.series(s)) {
        max = Math.max(max, q);
      }
    }
    double yTop = top(max);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    int last = points - 1;
    h.append("<svg class=\"plot\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>Inoperability q(t) of ").append(sectors.size())
        .append(" sectors</title>\n");
    for (int k = 0; k <= 4; k++) {
      double v = yTop * k / 4;
      double y = TOP + plotH - plotH * k / 4;
      h.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
          .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4)).append("\" text-anchor=\"end\">")
          .append(esc(trim(v))).append("</text>\n");
    }
    int ticks = Math.min(6, Math.max(1, last));
    for (int k = 0; k <= ticks; k++) {
      int step = last == 0 ? 0 : (int) Math.round((double) last * k / ticks);
      double x = LEFT + (last == 0 ? 0 : plotW * step / last);
      h.append("<line class=\"axis\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"")
          .append(num(TOP + plotH)).append("\" y2=\"").append(num(TOP + plotH + 5)).append("\"/>")
          .append("<text x=\"").append(num(x)).append("\" y=\"").append(num(TOP + plotH + 19))
          .append("\" text-anchor=\"middle\">").append(esc(Durations.format(t.time(step)))).append("</text>\n");
      if (last == 0) {
        break;
      }
    }
    h.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
        .append(num(TOP + plotH)).append("\" y2=\"").append(num(TOP + plotH)).append("\"/>\n")
        .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
        .append(TOP).append("\" y2=\"").append(num(TOP + plotH)).append("\"/>\n")
        .append("<text x=\"").append(num(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 6)
        .append("\" text-anchor=\"middle\">time</text>\n");
    int stride = Math.max(1, (int) Math.ceil(points / (double) MAX_POINTS));
    for (int i = 0; i < sectors.size(); i++) {
      String s = sectors.get(i);
      double[] q = t.series(s);
      h.append("<polyline class=\"q\" data-sector=\"").append(esc(s)).append("\" stroke=\"").append(color(i))
          .append("\" points=\"");
      for (int p = 0; p <= last; p = p == last ? last + 1 : Math.min(last, p + stride)) {
        double x = LEFT + (last == 0 ? 0 : plotW * p / last);
        double y = TOP + plotH - plotH * Math.min(q[p], yTop) / yTop;
        h.append(num(x)).append(',').append(num(y)).append(' ');
      }
      h.setLength(h.length() - 1);
      h.append("\"><title>").append(esc(s)).append(": peak q ").append(esc(trim(peak(q))))
          .append(", impact ").append(esc(trim(t.impact(s)))).append("</title></polyline>\n");
    }
    h.append("</svg>\n<p>");
    for (int i = 0; i < sectors.size(); i++) {
      h.append("<span class=\"legend\"><span class=\"swatch\" style=\"background:").append(color(i))
          .append("\"></span>").append(esc(sectors.get(i))).append("</span>&emsp;");
    }
    h.append("</p>\n");
  }

  private static void bars(StringBuilder h, StaticSolution s) {
    List<String> sectors = s.sectors();
    int rowH = 26;
    int height = TOP + rowH * sectors.size() + 8;
    int label = 180;
    double barW = WIDTH - label - 80;
    h.append("<svg class=\"bars\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>Inoperability q of ").append(sectors.size())
        .append(" sectors</title>\n");
    for (int i = 0; i < sectors.size(); i++) {
      String id = sectors.get(i);
      double q = s.inoperability(id);
      int y = TOP + i * rowH;
      h.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + 16).append("\" text-anchor=\"end\">")
          .append(esc(id)).append("</text><rect data-sector=\"").append(esc(id)).append("\" x=\"").append(label)
          .append("\" y=\"").append(y + 3).append("\" width=\"").append(num(barW * q)).append("\" height=\"")
          .append(rowH - 8).append("\" fill=\"").append(color(i)).append("\"></rect><text x=\"")
          .append(num(label + barW * q + 6)).append("\" y=\"").append(y + 16).append("\">")
          .append(esc(trim(q))).append("</text>\n");
    }
    h.append("</svg>\n");
  }

  private static double peak(double[] q) {
    double m = 0;
    for (double v : q) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static void table(StringBuilder h, StaticSolution s, Optional<Timeline> timeline) {
    h.append("<h2>Sectors</h2>\n<table class=\"sectors\">\n<tr><th>sector</th><th>c*</th><th>static q</th>");
    if (timeline.isPresent()) {
      h.append("<th>peak q(t)</th><th>at</th><th>q at the horizon</th><th>impact</th><th>k</th>");
    }
    h.append("</tr>\n");
    for (int i = 0; i < s.sectors().size(); i++) {
      String id = s.sectors().get(i);
      h.append("<tr><td><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span>")
          .append(esc(id)).append("</td><td>").append(esc(trim(s.perturbation(id)))).append("</td><td>")
          .append(esc(trim(s.inoperability(id)))).append("</td>");
      if (timeline.isPresent()) {
        Timeline t = timeline.get();
        double[] q = t.series(id);
        int at = 0;
        for (int p = 1; p < q.length; p++) {
          if (q[p] > q[at]) {
            at = p;
          }
        }
        h.append("<td>").append(esc(trim(q[at]))).append("</td><td>").append(esc(Durations.format(t.time(at))))
            .append("</td><td>").append(esc(trim(q[q.length - 1]))).append("</td><td>")
            .append(esc(trim(t.impact(id)))).append("</td><td>").append(esc(trim(t.rates().get(id)))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void matrix(StringBuilder h, InterdependencyMatrix a) {
    h.append("<h2>Interdependency matrix A*</h2>\n<p class=\"note\">Row i, column j: the share of sector i's "
        + "inoperability caused by sector j's.</p>\n<table class=\"matrix\">\n<tr><th></th>");
    for (String s : a.sectors()) {
      h.append("<th>").append(esc(s)).append("</th>");
    }
    h.append("</tr>\n");
    for (int i = 0; i < a.size(); i++) {
      h.append("<tr><th>").append(esc(a.sectors().get(i))).append("</th>");
      for (int j = 0; j < a.size(); j++) {
        h.append("<td>").append(esc(trim(a.get(i, j)))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  /** Up to four decimals, no trailing zeros. */
  static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s.equals("-0") ? "0" : s;
  }

  /** Text as HTML or SVG text and attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
