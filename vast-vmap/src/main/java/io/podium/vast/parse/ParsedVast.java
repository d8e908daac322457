package io.podium.vast.parse;

import io.podium.vast.model.Vast;

/** A parsed document with the lines its parts came from, for the validator. */
public record ParsedVast(Vast vast, Lines lines) {
}
