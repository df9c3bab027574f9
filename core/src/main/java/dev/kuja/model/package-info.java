/**
 * The Kuja domain model: organisations, the nodes they own (critical functions, resources,
 * suppliers) and the requirements between nodes.
 *
 * <p>A {@link dev.kuja.model.Model} is an immutable, validated graph. A node operates while all of
 * its {@link dev.kuja.model.Requirement requirements} hold; a requirement holds while at least
 * {@code k} of its alternatives operate, and a node keeps operating for the requirement's
 * tolerance after it stops holding (fuel in the tank, stock in the store, battery in the UPS).
 * Build one with {@link dev.kuja.model.Model#builder()}; derive variants with
 * {@link dev.kuja.model.Model#toBuilder()}. An invalid model cannot be built: {@link
 * dev.kuja.model.ModelValidationException} lists every problem at once.
 */
package dev.kuja.model;
