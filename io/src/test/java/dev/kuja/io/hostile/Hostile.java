package dev.kuja.io.hostile;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile but valid input for the tests of this package: models whose every free text is drawn
 * from all of Unicode that a text may hold (docs/model.md#identifiers), and the line and column
 * of a place in a text as the readers count them.
 */
public final class Hostile {

  private Hostile() {}

  /** Code points a free text may hold: all but controls, U+2028/U+2029, surrogates and U+FFFE/U+FFFF. */
  public static boolean allowed(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.SURROGATE && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR && cp != 0xFFFE && cp != 0xFFFF;
  }

  /** 1..12 code points, mostly from awkward places: syntax of YAML, JSON, XML and DOT, other scripts, astral planes. */
  public static String text(Random r) {
    String awkward = "<>&\"'`\\{}[]:#-|*!%@,?=;/ \u00a0\u200b\u202e\ufeff\ufffd\u0085";
    StringBuilder sb = new StringBuilder();
    int length = 1 + r.nextInt(12);
    while (sb.codePointCount(0, sb.length()) < length) {
      int cp = switch (r.nextInt(6)) {
        case 0 -> awkward.charAt(r.nextInt(awkward.length()));
        case 1 -> 0x20 + r.nextInt(0x5f);
        case 2 -> 0xa0 + r.nextInt(0x2000);
        case 3 -> 0x10000 + r.nextInt(0x100000);
        case 4 -> 0xe000 + r.nextInt(0x2000);
        default -> r.nextInt(0x110000);
      };
      if (allowed(cp)) {
        sb.appendCodePoint(cp);
      }
    }
    String s = sb.toString();
    return s.isBlank() ? s + "x" : s;
  }

  /**
   * A valid model of {@code size} nodes (ids n0, n1, …; functions, resources and suppliers,
   * owned by two organisations) whose names, types, tags, attributes, MBCOs and model name are
   * random texts; requirements only on earlier nodes, some k-of-n, some with tolerances.
   */
  public static Model model(Random r, int size) {
    Model.Builder b = Model.builder().name(text(r))
        .organisation("o1", text(r), text(r)).organisation("o2", text(r), text(r));
    for (int i = 0; i < size; i++) {
      int me = i;
      boolean function = i > 0 && r.nextInt(3) == 0;
      b.node("n" + i, function ? dev.kuja.model.NodeKind.FUNCTION
          : r.nextBoolean() ? dev.kuja.model.NodeKind.RESOURCE : dev.kuja.model.NodeKind.SUPPLIER, n -> {
        n.name(text(r));
        if (r.nextBoolean()) {
          n.owner(r.nextBoolean() ? "o1" : "o2");
        }
        if (function) {
          n.criticality(Criticality.values()[r.nextInt(4)]).mtpd(Duration.ofHours(1 + r.nextInt(48)));
          if (r.nextBoolean()) {
            n.mbco(text(r));
          }
        }
        if (r.nextBoolean()) {
          n.tags(text(r), text(r));
        }
        if (r.nextBoolean()) {
          n.attribute(text(r), text(r));
        }
        if (r.nextInt(4) == 0) {
          n.reliability(Reliability.rate(r.nextDouble() * 5,
              new RepairTime.LogNormal(Duration.ofMinutes(1 + r.nextInt(600)), 0.1 + r.nextDouble())));
        }
        if (me > 0) {
          List<String> alternatives = new ArrayList<>();
          int count = 1 + r.nextInt(Math.min(me, 4));
          for (int j = 0; j < count; j++) {
            String a = "n" + r.nextInt(me);
            if (!alternatives.contains(a)) {
              alternatives.add(a);
            }
          }
          n.requirements(List.of(new dev.kuja.model.Requirement(alternatives,
              1 + r.nextInt(alternatives.size()), Duration.ofMinutes(r.nextInt(3) * 30))));
        }
      });
    }
    return b.build();
  }

  /** Line and column (from 1, columns in code points) of the place right after {@code prefix}. */
  public static int[] place(String prefix) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
