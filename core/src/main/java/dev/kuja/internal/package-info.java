/**
 * Internals of Kuja's core: the compact, frozen form of a model (int ids, CSR arrays) and the
 * propagation engines the analyses and the simulator share. <strong>Not API</strong>: anything
 * here may change in any release; use {@code dev.kuja.model} and {@code dev.kuja.analysis}.
 */
package dev.kuja.internal;
