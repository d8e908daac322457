/**
 * The VAST 2.0 to 4.3 document model: immutable records, one per element that carries meaning.
 * Attribute values are kept as the document wrote them (strings, {@code null} when absent), so
 * reading and writing loses nothing and the validator can report a malformed value with its
 * line; typed views ({@link io.podium.vast.model.VastTime}, {@code durationMillis()}) parse
 * them on demand. Elements kept "as they are" ({@code Extensions}, {@code CreativeExtensions},
 * {@code Icons}) are {@link io.podium.vast.model.RawXml}. Lists are never null.
 */
package io.podium.vast.model;
