/**
 * The regional picture (docs/regional.md): models composed of the documents of several
 * organisations. {@link dev.kuja.region.Commitments} checks the commitments of external services
 * against their providers' models; {@link dev.kuja.region.PublicView} writes the document an
 * organisation can share — its services, their commitments, and only the internals the others
 * need to analyse their side correctly.
 */
package dev.kuja.region;
