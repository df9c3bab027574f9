package dev.kuja.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who owns and answers for nodes: a municipality, a wellbeing services county, a company, an
 * authority. Requirements between nodes of different owners are <em>interfaces</em>
 * (yhdyspinnat), where continuity plans most often break.
 *
 * @param id   stable identifier, unique among the model's organisations
 * @param name human-readable name
 * @param type free classification such as {@code municipality} or {@code wellbeing-services-county}
 */
public record Organisation(String id, String name, Optional<String> type) {

  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** An organisation with an id, a name and a type. */
  public static Organisation of(String id, String name, String type) {
    return new Organisation(id, name, Optional.of(type));
  }

  /** An organisation with an id and a name, and no type. */
  public static Organisation of(String id, String name) {
    return new Organisation(id, name, Optional.empty());
  }

  @Override
  public String toString() {
    return id + " (" + name + type.map(t -> ", " + t).orElse("") + ")";
  }
}
