package dev.kuja.testing;

import java.util.Collection;

/**
 * A generated model together with an input drawn for it (a scenario, threats …),
 * whose references to nodes were resolved against the model. Its {@code toString} lists the
 * whole model and the input, which is what jqwik prints for a falsified (and shrunk) sample.
 */
public record Case<T>(dev.kuja.model.Model model, T input) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(Describe.model(model));
    if (input instanceof Collection<?> items) {
      items.forEach(i -> sb.append('\n').append(i));
    } else {
      sb.append('\n').append(input);
    }
    return sb.toString();
  }
}
