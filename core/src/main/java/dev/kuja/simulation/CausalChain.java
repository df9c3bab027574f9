package dev.kuja.simulation;

import dev.kuja.model.Texts;
import java.util.List;

/**
 * How an outage came about, traced back to the disruptions: the first link is the outage
 * explained, each next one the outage of the node that broke its requirement, the last one a
 * direct disruption.
 *
 * @param links the outages, from effect back to cause
 */
public record CausalChain(List<Outage> links) {

  public CausalChain {
    links = List.copyOf(links);
  }

  /** The node ids from effect back to cause. */
  public List<String> nodes() {
    return links.stream().map(Outage::node).toList();
  }

  @Override
  public String toString() {
    return Texts.abbreviated(links, Outage::toString, "\n  <- ");
  }
}
