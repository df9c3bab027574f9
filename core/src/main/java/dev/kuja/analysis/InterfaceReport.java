package dev.kuja.analysis;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The interfaces between organisations (yhdyspinnat): every requirement whose node and
 * alternative have different owners, grouped by pair of organisations, with the functions for
 * which the providing node is a single point of failure. Plans fail at these seams.
 *
 * @param groups one group per (dependent organisation, providing organisation) pair, the pairs
 *               with the most SPOF interfaces first
 */
public record InterfaceReport(List<InterfaceReport.Group> groups) {

  /**
   * One interface: {@code dependent} (owned by one organisation) requires {@code provider}
   * (owned by another).
   *
   * @param dependent   the node that needs
   * @param provider    the node that is needed
   * @param requirement 0-based index of the requirement in the dependent's list
   * @param redundant   true when the requirement has other alternatives to fall back on
   * @param spofOf      the functions, by id, that fail when the provider fails alone
   */
  public record Interface(
      String dependent, String provider, int requirement, boolean redundant, List<String> spofOf) {
    public Interface {
      Objects.requireNonNull(dependent, "dependent");
      Objects.requireNonNull(provider, "provider");
      spofOf = List.copyOf(spofOf);
    }

    /** True when the provider is a single point of failure of some function. */
    public boolean isSpof() {
      return !spofOf.isEmpty();
    }
  }

  /**
   * The interfaces from one organisation to another.
   *
   * @param dependentOrganisation the organisation whose nodes need
   * @param providerOrganisation  the organisation whose nodes are needed
   * @param interfaces            the requirements across, by dependent then provider
   */
  public record Group(
      String dependentOrganisation, String providerOrganisation, List<Interface> interfaces) {
    public Group {
      Objects.requireNonNull(dependentOrganisation, "dependentOrganisation");
      Objects.requireNonNull(providerOrganisation, "providerOrganisation");
      interfaces = List.copyOf(interfaces);
    }

    /** The interfaces whose provider is a SPOF of some function. */
    public List<Interface> spofInterfaces() {
      return interfaces.stream().filter(Interface::isSpof).collect(ImmutableList.toImmutableList());
    }
  }

  public InterfaceReport {
    groups = List.copyOf(groups);
  }

  /** All interfaces, group by group. */
  public List<Interface> interfaces() {
    return groups.stream().flatMap(g -> g.interfaces().stream())
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Interfaces between organisations: ")
        .append(interfaces().size()).append(" requirements in ").append(groups.size())
        .append(" pairs");
    for (Group g : groups) {
      sb.append(String.format("%n  %s -> %s: %d interfaces, %d SPOF", g.dependentOrganisation(),
          g.providerOrganisation(), g.interfaces().size(), g.spofInterfaces().size()));
      for (Interface i : g.spofInterfaces()) {
        sb.append(String.format("%n    %s -> %s  SPOF of %s", i.dependent(), i.provider(),
            String.join(", ", i.spofOf())));
      }
    }
    return sb.toString();
  }
}
